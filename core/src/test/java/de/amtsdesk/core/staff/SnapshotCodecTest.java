package de.amtsdesk.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseLog;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.FoldSnapshot;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.log.CitizenActivity;
import de.amtsdesk.core.cases.log.FoldInput;
import de.amtsdesk.core.cases.log.PowerLevels;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffMembership;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

    private static final String LEAD = "@lena:amt.example";
    private static final String ANNA = "@anna:amt.example";

    private final List<FoldInput> inputs = new ArrayList<>();
    private Instant clock = Instant.parse("2026-12-04T13:00:00Z");
    private int counter;

    private String add(String sender, OutgoingStaffEvents.Outgoing change) {
        String id = "$e" + (++counter);
        inputs.add(new StaffEvent(id, change.type(), sender, tick(), change.content()));
        return id;
    }

    private Instant tick() {
        Instant at = clock;
        clock = clock.plus(Duration.ofMinutes(37));
        return at;
    }

    @Test
    void aRichBookSurvivesTheRoundTripExactly() throws Exception {
        CaseLog log = richBook();
        FoldSnapshot original = log.book().snapshot();

        String json = SnapshotCodec.encode(original);
        FoldSnapshot read = SnapshotCodec.decode(SnapshotCodec.FORMAT, json);

        assertThat(read).isEqualTo(original);
        assertThat(CaseBook.restore(read).cases()).isEqualTo(log.book().cases());
        assertThat(SnapshotCodec.encode(read)).as("stable output").isEqualTo(json);
        assertThat(read.cases()).hasSize(2);
        assertThat(read.pendingRoomMoments()).containsKey("!b:amt.example");
        assertThat(read.policy().sla().calendar().holidays()).hasSize(2);
        assertThat(read.macros()).hasSize(2);
        assertThat(CaseBook.restore(read).macros().all()).isEqualTo(log.book().macros().all());
        assertThat(read.unitMembers()).hasSize(2);
        assertThat(CaseBook.restore(read).roster()).isEqualTo(log.book().roster());
        assertThat(CaseBook.restore(read).roster().member(ANNA).maxOpenCases()).isEqualTo(12);
        assertThat(CaseBook.restore(read).roster().member(LEAD).deputy()).isEqualTo(ANNA);
    }

    @Test
    void theBinaryFormatGivesBackTheSameBookAsTheJson() throws Exception {
        CaseLog log = richBook();
        FoldSnapshot original = log.book().snapshot();

        byte[] data = SnapshotCodec.encodeBinary(original);
        FoldSnapshot read = SnapshotCodec.decodeBinary(data);

        assertThat(read).isEqualTo(original);
        assertThat(read).isEqualTo(SnapshotCodec.decode(SnapshotCodec.FORMAT, SnapshotCodec.encode(original)));
        assertThat(CaseBook.restore(read).cases()).isEqualTo(log.book().cases());
        assertThat(read.cases().getFirst().notes().getFirst().text()).isEqualTo("Rückruf am Montag — \"Zitat\" "
                + "{Klammer} ✓");
        assertThat(read.cases().getFirst().sla()).isNotNull();
        assertThat(read.unitMembers()).hasSize(2);
        assertThat(CaseBook.restore(read).roster()).isEqualTo(log.book().roster());
        assertThat(SnapshotCodec.encodeBinary(read)).as("stable output").isEqualTo(data);
        assertThat(data.length).as("smaller than the JSON").isLessThan(
                SnapshotCodec.encode(original).getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 2);
    }

    @Test
    void damagedBinarySnapshotsAreRefusedWithAReasonNeverAnotherException() throws Exception {
        byte[] good = SnapshotCodec.encodeBinary(richBook().book().snapshot());
        java.util.List<byte[]> damaged = new ArrayList<>();
        damaged.add(new byte[0]);
        damaged.add(java.util.Arrays.copyOf(good, 5));
        damaged.add(java.util.Arrays.copyOf(good, good.length / 2));
        byte[] magic = good.clone();
        magic[0] = 'X';
        damaged.add(magic);
        byte[] version = good.clone();
        version[4] = 9;
        damaged.add(version);
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] flipped = good.clone();
            int at = 5 + random.nextInt(flipped.length - 5);
            flipped[at] ^= (byte) (1 << random.nextInt(8));
            damaged.add(flipped);
        }
        // Valid deflate around nonsense: counts and string references out of range.
        for (byte[] inner : java.util.List.of(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F},
                new byte[] {2, '{', '}', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F}, new byte[] {0, 0, 0, 1, 9})) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.writeBytes(new byte[] {'A', 'D', 'S', 'B', 1});
            try (var deflate = new java.util.zip.DeflaterOutputStream(out)) {
                deflate.write(inner);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            damaged.add(out.toByteArray());
        }
        int readable = 0;
        for (byte[] bytes : damaged) {
            try {
                SnapshotCodec.decodeBinary(bytes);
                readable++; // a flip inside a string's bytes can still give a valid snapshot
            } catch (SnapshotCodec.UnreadableSnapshotException expected) {
                assertThat(expected.getMessage()).startsWith("stored case snapshot cannot be read");
            }
        }
        assertThat(readable).as("most damage is noticed").isLessThan(damaged.size() / 2);
    }

    private CaseLog richBook() throws Exception {
        inputs.add(new StaffMembership("$m1", LEAD, true, "Lena Lead", tick()));
        inputs.add(new StaffPowerLevels("$p1", LEAD, new PowerLevels(Map.of(LEAD, 100), 0,
                Map.of("de.amtsdesk.case.template", 60)), tick()));
        inputs.add(new StaffMembership("$m2", ANNA, true, null, tick()));
        inputs.add(new CitizenActivity("$c0", "!b:amt.example", "@erika:bund.example",
                CitizenActivity.Direction.FROM_CITIZEN, tick())); // pending: no case yet
        String a = add(ANNA, OutgoingStaffEvents.created("!a:amt.example", "@max:bund.example", "Max Muster"));
        add(ANNA, OutgoingStaffEvents.typed(a, "identity.passport.apply"));
        inputs.add(new CitizenActivity("$c1", "!a:amt.example", "@max:bund.example",
                CitizenActivity.Direction.FROM_CITIZEN, tick()));
        inputs.add(new CitizenActivity("$c2", "!a:amt.example", "@amt:amt.example",
                CitizenActivity.Direction.FROM_AGENCY, tick()));
        add(ANNA, OutgoingStaffEvents.status(a, CaseStatus.WAITING, "Foto fehlt"));
        add(LEAD, OutgoingStaffEvents.assign(a, ANNA));
        add(ANNA, OutgoingStaffEvents.note(a, "Rückruf am Montag — \"Zitat\" {Klammer} ✓"));
        add(ANNA, OutgoingStaffEvents.tag(a, List.of("eilig", "pass"), List.of()));
        add(LEAD, OutgoingStaffEvents.policy("BA", "{unit}/{yy}/{seq:4}", false, false, "Tel. 115",
                new ObjectMapper().readTree("""
                        {"v":1,"calendar":{"zone":"Europe/Berlin","hours":{"monday":"07:30-15:30","friday":"08:00-12:00"},
                         "nationwideHolidays":true,"holidays":["2026-12-24","2026-12-31"]},
                         "defaults":{"firstResponse":"PT4H","nextResponse":"PT8H","resolution":"P5D"},
                         "types":{"identity":{"firstResponse":"PT2H"}}}""")));
        add(LEAD, OutgoingStaffEvents.template("greeting", "de", "*", 1, "Gruß",
                "Guten Tag {citizen.name|Damen und Herren}, Ihr Zeichen {case.reference}", false));
        add(LEAD, OutgoingStaffEvents.macro("unterlagen", "de", 1, "Unterlagen anfordern", "greeting",
                CaseStatus.WAITING, List.of("unterlagen-angefordert", "eilig"), List.of("neu"), false));
        add(LEAD, OutgoingStaffEvents.macro("erledigt", "de", 1, "Erledigt", null, CaseStatus.CLOSED, List.of(),
                List.of(), false));
        add(LEAD, OutgoingStaffEvents.macro("erledigt", "de", 2, "Erledigt", null, null, List.of(), List.of(), true));
        add(LEAD, OutgoingStaffEvents.member(ANNA, 12, List.of("identity", "vehicle.registration"), false, null));
        add(LEAD, OutgoingStaffEvents.member(LEAD, null, null, true, ANNA));
        String b = add(ANNA, OutgoingStaffEvents.created("!c:amt.example", "@eva:bund.example", null));
        add(ANNA, OutgoingStaffEvents.status(b, CaseStatus.CLOSED, null));
        CaseLog log = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
        log.applyAll(inputs);
        return log;
    }

    @Test
    void aSnapshotWrittenBeforeMacrosExistedIsStillRead() throws Exception {
        inputs.add(new StaffMembership("$m1", LEAD, true, "Lena Lead", tick()));
        inputs.add(new StaffPowerLevels("$p1", LEAD, new PowerLevels(Map.of(LEAD, 100), 0, Map.of()), tick()));
        add(LEAD, OutgoingStaffEvents.template("greeting", "de", "*", 1, "Gruß", "Guten Tag", false));
        CaseLog log = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
        log.applyAll(inputs);
        FoldSnapshot original = log.book().snapshot();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper()
                .readTree(SnapshotCodec.encode(original));
        tree.remove("macros");

        FoldSnapshot read = SnapshotCodec.decode(SnapshotCodec.FORMAT, tree.toString());

        assertThat(read.macros()).isEmpty();
        assertThat(read).isEqualTo(original);
        assertThat(read.templates()).hasSize(1);
    }

    @Test
    void aFormatOneSnapshotFoldedUnderTheOldOwnershipRuleIsNotRead() {
        // ADR 0014: format 1 was folded without the ownership rule, so the store folds the log again instead.
        FoldSnapshot empty = new CaseBook(UnitConfig.defaults("BA").initialPolicy()).snapshot();
        String formatOne = SnapshotCodec.encode(empty).replace("\"format\":2", "\"format\":1");
        assertThat(SnapshotCodec.FORMAT).isEqualTo(2);
        assertThatThrownBy(() -> SnapshotCodec.decode(1, formatOne))
                .isInstanceOf(SnapshotCodec.UnreadableSnapshotException.class);
    }

    @Test
    void anEmptyBookToo() throws Exception {
        FoldSnapshot empty = new CaseBook(UnitConfig.defaults("BA").initialPolicy()).snapshot();
        assertThat(SnapshotCodec.decode(SnapshotCodec.FORMAT, SnapshotCodec.encode(empty))).isEqualTo(empty);
    }

    @Test
    void anUnknownFormatOrDamagedJsonIsRefused() {
        FoldSnapshot empty = new CaseBook(UnitConfig.defaults("BA").initialPolicy()).snapshot();
        assertThatThrownBy(() -> SnapshotCodec.decode(SnapshotCodec.FORMAT + 1, SnapshotCodec.encode(empty)))
                .isInstanceOf(SnapshotCodec.UnreadableSnapshotException.class);
        assertThatThrownBy(() -> SnapshotCodec.decode(SnapshotCodec.FORMAT,
                "{\"format\":" + SnapshotCodec.FORMAT + ",\"cases\":[{}]}"))
                .isInstanceOf(SnapshotCodec.UnreadableSnapshotException.class);
        assertThatThrownBy(() -> SnapshotCodec.decode(SnapshotCodec.FORMAT, "not json"))
                .isInstanceOf(SnapshotCodec.UnreadableSnapshotException.class);
    }

    @Test
    void seenEventIdsReadIntoOneImmutableSetAndATwiceStoredIdStillReads() {
        java.util.Set<String> ids = SnapshotBinary.immutableSet(new String[] {"$a", "$b", "$c"});
        assertThat(ids).containsExactlyInAnyOrder("$a", "$b", "$c");
        // The snapshot keeps this very set: no second copy at start.
        assertThat(java.util.Set.copyOf(ids)).isSameAs(ids);
        assertThat(SnapshotBinary.immutableSet(new String[] {"$a", "$b", "$a"})).containsExactlyInAnyOrder("$a", "$b");
    }

    @Test
    void everyStatusIsFoundByItsWireNameAndNothingElse() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(CaseStatus.fromWireName(status.wireName())).contains(status);
        }
        assertThat(CaseStatus.fromWireName("OPEN")).isEmpty();
        assertThat(CaseStatus.fromWireName(null)).isEmpty();
        assertThat(CaseStatus.fromWireName("archived")).isEmpty();
    }
}
