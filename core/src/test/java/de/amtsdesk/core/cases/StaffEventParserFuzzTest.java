package de.amtsdesk.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.fuzz.FuzzInput;
import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A staff-log event {@code {"type": ..., "content": ...}} from arbitrary JSON. Contract (StaffEventParser's
 * Javadoc): a {@link CaseCommand}, or an {@link InvalidStaffEvent} with a rejection and a message the audit can
 * show; any other exception is a finding (the fold would log it as INTERNAL_ERROR). An accepted event must carry
 * exactly {@code "v": 1} ("schema version 1 only"). Lives in the parser's package because the parser is
 * package-private; its seeds are in {@code StaffEventParserFuzzTestInputs/} beside it.
 */
class StaffEventParserFuzzTest {

    @FuzzTest(maxDuration = "3m")
    @DictionaryEntries({"\"de.amtsdesk.case.", "created", "typed", "status", "assigned", "note", "tagged", "policy",
            "template", "\"v\":1", "\"case\":\"$", "\"cases\":[", "\"room\":\"!", "\"citizen\":\"@",
            "\"assignee\":", "\"reason\"", "\"add\":[", "\"remove\":[", "\"unit\"", "\"referencePattern\"",
            "{unit}-{yyyy}-{seq:5}", "\"takeUnassigned\"", "\"autoJoin\"", "\"contact\"", "\"sla\":{",
            "\"calendar\":{", "\"zone\":\"Europe/Berlin\"", "\"hours\":{\"monday\":\"08:00-16:00\"}",
            "\"nationwideHolidays\"", "\"holidays\":[", "\"defaults\":{", "\"types\":{", "\"firstResponse\"",
            "\"nextResponse\"", "\"resolution\"", "PT8H", "\"lang\":\"de\"", "\"caseType\"", "\"version\"",
            "\"title\"", "\"body\"", "\"retired\"", "{citizen.name}", "waiting", "closed", "open", "macro",
            "\"template\"", "\"addTags\":[", "\"removeTags\":[", "member", "handover", "takeover",
            "\"user\":\"@", "\"maxOpenCases\":", "\"caseTypes\":[", "\"absent\":true", "\"deputy\":\"@",
            "\"from\":\"@"})
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void parse(byte[] input) {
        JsonNode event = FuzzInput.json(input);
        if (event == null) {
            return;
        }
        JsonNode content = event.get("content");
        StaffEvent staffEvent = new StaffEvent("$fuzz", event.path("type").asText(""), "@lena.lead:amt.example",
                Instant.parse("2026-03-02T09:00:00Z"), content);
        CaseCommand command;
        try {
            command = StaffEventParser.parse(staffEvent);
        } catch (InvalidStaffEvent rejected) {
            assertThat(rejected.rejection()).isNotNull();
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        }
        assertThat(command).isNotNull();
        assertThat(command.caseIds()).isNotNull();
        assertVersionOne(content.get("v"));
        if (command instanceof CaseCommand.SetMember member) {
            // The bounds the parser promises (ADR 0014), so an accepted event never carries a hostile size.
            Integer max = member.member().maxOpenCases();
            if (max != null) {
                assertThat(max).isBetween(0, StaffEventParser.MAX_OPEN_CASES);
            }
            if (member.member().caseTypes() != null) {
                assertThat(member.member().caseTypes()).hasSizeLessThanOrEqualTo(StaffEventParser.MAX_CASE_TYPES);
            }
        }
        if (command instanceof CaseCommand.ChangePolicy policy && policy.sla() != null) {
            assertVersionOne(content.get("sla").get("v"));
        }
    }

    /** Exactly 1, not merely a number whose low 32 bits are 1. */
    private static void assertVersionOne(JsonNode v) {
        assertThat(v.isIntegralNumber()).isTrue();
        assertThat(v.bigIntegerValue()).isEqualTo(BigInteger.ONE);
    }
}
