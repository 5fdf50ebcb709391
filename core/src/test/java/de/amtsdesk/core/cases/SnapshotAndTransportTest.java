package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.log.FoldInput;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffMembership;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import de.amtsdesk.core.cases.log.StaffRoomEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seams for the store (snapshot, restore, resume) and for the transport (raw Matrix events in). */
class SnapshotAndTransportTest {

    @Test
    void restoringASnapshotAndFoldingTheRestEqualsFoldingEverything() {
        StaffLog log = StaffLog.startingAt("2026-12-01T08:00").withStandardRoom();
        String a = log.created(ANNA, "!a:amt.example");
        log.send(ANNA, OutgoingStaffEvents.typed(a, "housing.wohngeld.apply"));
        log.citizenWrites("!b:amt.example"); // pending: its case comes after the snapshot
        log.send(LEAD, OutgoingStaffEvents.template("greeting", "de", "*", 1, "Gruß", "Hallo {citizen.name}", false));
        int cut = log.inputs().size();
        String b = log.created(ANNA, "!b:amt.example");
        log.send(LEAD, OutgoingStaffEvents.assign(b, ANNA));
        log.send(ANNA, OutgoingStaffEvents.status(a, CaseStatus.WAITING, null));
        List<FoldInput> all = log.inputs();

        CaseLog whole = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
        whole.applyAll(all);

        CaseLog first = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
        first.applyAll(all.subList(0, cut));
        FoldSnapshot saved = first.book().snapshot();
        CaseLog resumed = new CaseLog(UnitConfig.defaults("BA"), CaseBook.restore(saved), new InMemoryAuditLog());
        // The transport re-delivers the last event before the cut as well: it is recognised as a duplicate.
        resumed.applyAll(all.subList(cut - 1, all.size()));

        assertThat(saved.lastStaffEventId()).isEqualTo(all.get(cut - 1).eventId());
        assertThat(resumed.book().cases()).isEqualTo(whole.book().cases());
        assertThat(resumed.book().snapshot()).isEqualTo(whole.book().snapshot());
        assertThat(resumed.book().find(b).orElseThrow().sla().firstResponse().started())
                .isBefore(resumed.book().find(b).orElseThrow().createdAt());
    }

    @Test
    void rawMatrixEventsOfTheStaffRoomBecomeFoldInputs() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var member = json.readTree("""
                {"type":"m.room.member","state_key":"@anna:amt.example","sender":"@anna:amt.example",
                 "event_id":"$m","origin_server_ts":1764576000000,"content":{"membership":"join","displayname":"Anna"}}""");
        var power = json.readTree("""
                {"type":"m.room.power_levels","state_key":"","sender":"@lena:amt.example","event_id":"$p",
                 "origin_server_ts":1764576000001,"content":{"users":{"@lena:amt.example":100,"@anna:amt.example":"10"},
                 "users_default":0,"events":{"de.amtsdesk.case.assigned":50}}}""");
        var caseEvent = json.readTree("""
                {"type":"de.amtsdesk.case.note","sender":"@anna:amt.example","event_id":"$n",
                 "origin_server_ts":1764576000002,"content":{"v":1,"case":"$c","text":"Hallo"}}""");
        var chatter = json.readTree("""
                {"type":"m.room.message","sender":"@anna:amt.example","event_id":"$x","origin_server_ts":1,"content":{}}""");
        var broken = json.readTree("""
                {"type":"de.amtsdesk.case.note","sender":"@anna:amt.example","content":{}}""");

        assertThat(StaffRoomEvents.fromMatrixEvent(member)).get().isInstanceOfSatisfying(StaffMembership.class, m -> {
            assertThat(m.joined()).isTrue();
            assertThat(m.displayName()).isEqualTo("Anna");
        });
        assertThat(StaffRoomEvents.fromMatrixEvent(power)).get().isInstanceOfSatisfying(StaffPowerLevels.class, p -> {
            assertThat(p.levels().levelOf("@anna:amt.example")).isEqualTo(10);
            assertThat(p.levels().levelOf("@nobody:amt.example")).isZero();
            assertThat(p.levels().requiredFor("de.amtsdesk.case.assigned")).hasValue(50);
        });
        assertThat(StaffRoomEvents.fromMatrixEvent(caseEvent)).get().isInstanceOfSatisfying(StaffEvent.class,
                e -> assertThat(e.content().path("text").asText()).isEqualTo("Hallo"));
        assertThat(StaffRoomEvents.fromMatrixEvent(chatter)).isEmpty();
        assertThat(StaffRoomEvents.fromMatrixEvent(broken)).isEmpty();
    }

    @Test
    void outgoingEventsAreWhatTheFoldAccepts() {
        StaffLog log = StaffLog.startingAt("2026-12-01T08:00").withStandardRoom();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        String id = log.created(ANNA, "!a:amt.example");
        log.send(ANNA, OutgoingStaffEvents.typed(id, "identity.passport.apply"));
        log.send(ANNA, OutgoingStaffEvents.status(id, CaseStatus.WAITING, "Foto fehlt"));
        log.send(LEAD, OutgoingStaffEvents.bulkAssign(List.of(id), ANNA));
        log.send(ANNA, OutgoingStaffEvents.note(id, "Notiz"));
        log.send(ANNA, OutgoingStaffEvents.tag(id, List.of("a"), List.of("b")));
        log.send(LEAD, OutgoingStaffEvents.policy("BA", "{unit}-{seq:4}", true, false, "Tel. 115", null));
        log.send(LEAD, OutgoingStaffEvents.template("x", "en", "identity", 1, "T", "Hello {citizen.name|there}", true));

        for (FoldInput input : log.inputs()) {
            assertThat(fold.apply(input).outcome()).as(input.toString()).isEqualTo(FoldResult.Outcome.APPLIED);
        }
        assertThat(fold.book().policy().autoJoin()).isFalse();
        assertThat(fold.book().policy().contact()).isEqualTo("Tel. 115");
    }
}
