package de.amtsdesk.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.core.cases.log.CitizenActivity;
import de.amtsdesk.core.cases.log.FoldInput;
import de.amtsdesk.core.cases.log.PowerLevels;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffMembership;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: writes a staff log the way the homeserver would deliver it — increasing event IDs, a server clock
 * that advances a minute per event unless set — with a lead, a second lead and two caseworkers.
 */
final class StaffLog {

    static final String LEAD = "@lena.lead:amt.example";
    static final String LEAD2 = "@lars.lead:amt.example";
    static final String ANNA = "@anna:amt.example";
    static final String BEN = "@ben:amt.example";
    static final String OUTSIDER = "@mallory:evil.example";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FoldInput> inputs = new ArrayList<>();
    private int counter;
    private Instant clock;

    StaffLog(Instant start) {
        this.clock = start;
    }

    static StaffLog startingAt(String berlinLocalDateTime) {
        return new StaffLog(berlin(berlinLocalDateTime));
    }

    static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    /** Members and power levels as a unit's staff room would start: leads at 100 and 50, caseworkers at 0. */
    StaffLog withStandardRoom() {
        member(LEAD, "Lena Lead");
        power(Map.of(LEAD, 100, LEAD2, 50));
        member(LEAD2, "Lars Lead");
        member(ANNA, "Anna Arbeit");
        member(BEN, "Ben Bearbeiter");
        return this;
    }

    StaffLog at(String berlinLocalDateTime) {
        clock = berlin(berlinLocalDateTime);
        return this;
    }

    Instant now() {
        return clock;
    }

    List<FoldInput> inputs() {
        return List.copyOf(inputs);
    }

    private String nextId() {
        return "$ev" + (++counter) + ":amt.example";
    }

    private Instant tick() {
        Instant at = clock;
        clock = clock.plus(Duration.ofMinutes(1));
        return at;
    }

    StaffMembership member(String userId, String name) {
        return add(new StaffMembership(nextId(), userId, true, name, tick()));
    }

    StaffMembership leave(String userId) {
        return add(new StaffMembership(nextId(), userId, false, null, tick()));
    }

    StaffPowerLevels power(Map<String, Integer> users) {
        return power(users, Map.of());
    }

    StaffPowerLevels power(Map<String, Integer> users, Map<String, Integer> events) {
        return add(new StaffPowerLevels(nextId(), LEAD, new PowerLevels(users, 0, events), tick()));
    }

    StaffEvent send(String sender, OutgoingStaffEvents.Outgoing outgoing) {
        return add(new StaffEvent(nextId(), outgoing.type(), sender, tick(), outgoing.content()));
    }

    StaffEvent raw(String sender, String type, String json) {
        try {
            JsonNode content = json == null ? null : JSON.readTree(json.replace('\'', '"'));
            return add(new StaffEvent(nextId(), type, sender, tick(), content));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Creates a case for a citizen room; the case ID is the event ID. */
    String created(String sender, String roomId) {
        return send(sender, OutgoingStaffEvents.created(roomId, "@citizen-" + roomId.substring(1, 4) + ":bund.example",
                "Erika Mustermann")).eventId();
    }

    CitizenActivity citizenWrites(String roomId) {
        return add(new CitizenActivity(nextId(), roomId, "@citizen:bund.example",
                CitizenActivity.Direction.FROM_CITIZEN, tick()));
    }

    CitizenActivity agencyReplies(String roomId) {
        return add(new CitizenActivity(nextId(), roomId, "@amt:amt.example", CitizenActivity.Direction.FROM_AGENCY,
                tick()));
    }

    private <T extends FoldInput> T add(T input) {
        inputs.add(input);
        return input;
    }
}
