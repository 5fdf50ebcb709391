package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.staff.SnapshotCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The unit's letterhead lives in the staff log: a lead sets it, every fold prints the same one, a caseworker's
 * attempt is refused like any policy change, hostile shapes are malformed, and it survives both snapshot formats.
 */
class UnitLetterheadTest {

    private static final UnitLetterhead BUERGERAMT = new UnitLetterhead("Stadt Musterstadt – Bürgeramt",
            List.of("Rathausplatz 1", "12345 Musterstadt"));

    private final StaffLog log = StaffLog.startingAt("2026-12-03T09:00").withStandardRoom();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    private CaseLog fold() {
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        fold.applyAll(log.inputs());
        return fold;
    }

    @Test
    void aLeadSetsItAndTheRestOfThePolicyStays() throws Exception {
        log.send(LEAD, OutgoingStaffEvents.policy(null, null, null, null, "Tel. 115", null));
        assertThat(fold().book().policy().letterhead().isEmpty()).isTrue();
        log.send(LEAD, OutgoingStaffEvents.letterhead(BUERGERAMT));
        // A caseworker is not allowed to change the unit's policy: refused, the lead's letterhead stays.
        log.send(ANNA, OutgoingStaffEvents.letterhead(new UnitLetterhead("Falsche Behörde", List.of())));
        CaseBook book = fold().book();
        assertThat(book.policy().letterhead()).isEqualTo(BUERGERAMT);
        assertThat(book.policy().contact()).isEqualTo("Tel. 115");

        var snapshot = book.snapshot();
        for (var restored : List.of(SnapshotCodec.decode(SnapshotCodec.FORMAT, SnapshotCodec.encode(snapshot)),
                SnapshotCodec.decodeBinary(SnapshotCodec.encodeBinary(snapshot)))) {
            assertThat(CaseBook.restore(restored).policy().letterhead()).isEqualTo(BUERGERAMT);
        }
    }

    @Test
    void hostileShapesAreMalformedAndChangeNothing() {
        for (String letterhead : List.of("\"Amt\"", "{\"name\": 1, \"lines\": []}", "{\"name\": \"Amt\"}",
                "{\"name\": \"Amt\", \"lines\": [1]}", "{\"name\": \"Amt\", \"lines\": [], \"logo\": \"x\"}",
                "{\"name\": \"Amt\", \"lines\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\"]}",
                "{\"name\": \"Amt\\nZweite Zeile\", \"lines\": []}",
                "{\"name\": \"" + "x".repeat(201) + "\", \"lines\": []}",
                "{\"name\": \"\", \"lines\": [\"Rathausplatz 1\"]}")) {
            log.raw(LEAD, StaffEventTypes.POLICY, "{\"v\": 1, \"letterhead\": " + letterhead + "}");
        }
        assertThat(fold().book().policy().letterhead().isEmpty()).isTrue();
        assertThat(audit.all().stream().filter(e -> e.action().equals(StaffEventTypes.POLICY)).toList()).hasSize(9)
                .allSatisfy(entry -> assertThat(entry.rejection()).isEqualTo(
                        de.amtsdesk.core.cases.audit.Rejection.MALFORMED));
    }

    @Test
    void blankLinesAreDroppedAndBoundsHold() {
        assertThat(new UnitLetterhead(" Amt ", List.of("", " Straße 1 ")).lines()).containsExactly("Straße 1");
        assertThatThrownBy(() -> new UnitLetterhead("", List.of("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(UnitLetterhead.fromJson(BUERGERAMT.toJson())).isEqualTo(BUERGERAMT);
    }
}
