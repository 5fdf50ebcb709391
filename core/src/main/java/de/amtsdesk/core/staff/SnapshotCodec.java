package de.amtsdesk.core.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.CaseTimeline;
import de.amtsdesk.core.cases.FoldSnapshot;
import de.amtsdesk.core.cases.NoticeDelivery;
import de.amtsdesk.core.cases.NoticeSignOff;
import de.amtsdesk.core.cases.Macro;
import de.amtsdesk.core.cases.Moment;
import de.amtsdesk.core.cases.Note;
import de.amtsdesk.core.cases.ReferencePattern;
import de.amtsdesk.core.cases.StaffRoom;
import de.amtsdesk.core.cases.UnitMember;
import de.amtsdesk.core.cases.UnitLetterhead;
import de.amtsdesk.core.cases.UnitPolicy;
import de.amtsdesk.core.cases.log.PowerLevels;
import de.amtsdesk.core.cases.sla.BusinessCalendar;
import de.amtsdesk.core.cases.sla.CaseSla;
import de.amtsdesk.core.cases.sla.SlaClock;
import de.amtsdesk.core.cases.sla.SlaPolicy;
import de.amtsdesk.core.cases.sla.SlaTargets;
import de.amtsdesk.core.cases.templates.ReplyTemplate;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a {@link FoldSnapshot} as JSON for the encrypted store and reads it back. Written by hand, field by field,
 * so the stored format stays fixed when the records grow; {@link #FORMAT} is stored beside it and a snapshot of an
 * unknown format is not read (the store then folds the staff log from the start, which gives the same book).
 * Reading a snapshot written here gives a snapshot equal to the original.
 */
public final class SnapshotCodec {

    /**
     * Version of the JSON shape below. 2 (ADR 0014): member settings, and the ownership rule changed what the fold
     * accepts, so a format-1 snapshot (folded under the old rule) is dropped and the log folded again from the start.
     */
    public static final int FORMAT = 2;

    /**
     * {@link SnapshotBinary}: what the store writes since schema 9, its unit part in JSON of {@link #FORMAT}. A row
     * of format 2 (JSON) is still read; one of format 1 is dropped as above.
     */
    public static final int BINARY_FORMAT = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotCodec() {
    }

    /** A stored snapshot that cannot be read (unknown format, damaged JSON). */
    public static final class UnreadableSnapshotException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableSnapshotException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static String encode(FoldSnapshot snapshot) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
        ArrayNode cases = root.putArray("cases");
        snapshot.cases().forEach(c -> cases.add(caseJson(c)));
        ObjectNode pending = root.putObject("pendingRoomMoments");
        new TreeMap<>(snapshot.pendingRoomMoments()).forEach((room, moments) -> {
            ArrayNode list = pending.putArray(room);
            moments.forEach(m -> list.add(momentJson(m)));
        });
        ObjectNode counters = root.putObject("referenceCounters");
        new TreeMap<>(snapshot.referenceCounters()).forEach(counters::put);
        root.set("policy", policyJson(snapshot.policy()));
        root.set("staffRoom", staffRoomJson(snapshot.staffRoom()));
        ArrayNode templates = root.putArray("templates");
        snapshot.templates().forEach(t -> templates.add(templateJson(t)));
        ArrayNode macros = root.putArray("macros");
        snapshot.macros().forEach(m -> macros.add(macroJson(m)));
        ArrayNode members = root.putArray("unitMembers");
        snapshot.unitMembers().forEach(m -> members.add(memberJson(m)));
        ArrayNode signOffs = root.putArray("noticeSignOffs");
        snapshot.noticeSignOffs().forEach(s -> signOffs.add(signOffJson(s)));
        ArrayNode deliveries = root.putArray("noticeDeliveries");
        snapshot.noticeDeliveries().forEach(d -> deliveries.add(deliveryJson(d)));
        ArrayNode seen = root.putArray("seenEventIds");
        new TreeSet<>(snapshot.seenEventIds()).forEach(seen::add);
        root.put("staffOrder", snapshot.staffOrder());
        root.put("lastStaffEventId", snapshot.lastStaffEventId());
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("serialising an in-memory tree cannot fail", e);
        }
    }

    /** Format 2, the compact binary form the store keeps. */
    public static byte[] encodeBinary(FoldSnapshot snapshot) {
        return SnapshotBinary.encode(snapshot);
    }

    public static FoldSnapshot decodeBinary(byte[] data) throws UnreadableSnapshotException {
        try {
            return SnapshotBinary.decode(data);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSnapshotException("stored case snapshot cannot be read: " + e.getMessage(), e);
        }
    }

    public static FoldSnapshot decode(int format, String json) throws UnreadableSnapshotException {
        if (format != FORMAT) {
            throw new UnreadableSnapshotException("snapshot format " + format + " is not " + FORMAT, null);
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root.path("format").asInt(-1) != FORMAT) {
                throw new IllegalArgumentException("format field is not " + FORMAT);
            }
            List<Case> cases = new ArrayList<>();
            root.path("cases").forEach(c -> cases.add(readCase(c)));
            Map<String, List<Moment>> pending = new HashMap<>();
            root.path("pendingRoomMoments").properties().forEach(e -> pending.put(e.getKey(), moments(e.getValue())));
            Map<String, Long> counters = new HashMap<>();
            root.path("referenceCounters").properties().forEach(e -> counters.put(e.getKey(), e.getValue().asLong()));
            List<ReplyTemplate> templates = new ArrayList<>();
            root.path("templates").forEach(t -> templates.add(readTemplate(t)));
            // Absent in snapshots written before macros existed: same format, no macros.
            List<Macro> macros = new ArrayList<>();
            root.path("macros").forEach(m -> macros.add(readMacro(m)));
            List<UnitMember> members = new ArrayList<>();
            root.path("unitMembers").forEach(m -> members.add(readMember(m)));
            // Absent in snapshots written before notice sign-offs existed (ADR 0017): none.
            List<NoticeSignOff> signOffs = new ArrayList<>();
            root.path("noticeSignOffs").forEach(n -> signOffs.add(readSignOff(n)));
            List<NoticeDelivery> deliveries = new ArrayList<>();
            root.path("noticeDeliveries").forEach(n -> deliveries.add(readDelivery(n)));
            Set<String> seen = new HashSet<>();
            root.path("seenEventIds").forEach(id -> seen.add(id.asText()));
            return new FoldSnapshot(cases, pending, counters, readPolicy(root.path("policy")),
                    readStaffRoom(root.path("staffRoom")), templates, macros, members, signOffs, deliveries, seen,
                    root.path("staffOrder").asLong(),
                    text(root, "lastStaffEventId"));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSnapshotException("stored case snapshot cannot be read: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    // ---- cases ----

    private static ObjectNode caseJson(Case c) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", c.id()).put("room", c.roomId()).put("citizen", c.citizenId())
                .put("citizenName", c.citizenName()).put("reference", c.reference())
                .put("createdAt", instant(c.createdAt())).put("createdBy", c.createdBy()).put("type", c.type())
                .put("status", c.status().wireName()).put("assignee", c.assignee());
        ArrayNode tags = node.putArray("tags");
        c.tags().forEach(tags::add);
        ArrayNode notes = node.putArray("notes");
        for (Note note : c.notes()) {
            notes.addObject().put("eventId", note.eventId()).put("author", note.author())
                    .put("at", instant(note.at())).put("text", note.text());
        }
        ArrayNode moments = node.putArray("moments");
        c.timeline().moments().forEach(m -> moments.add(momentJson(m)));
        if (c.sla() != null) {
            ObjectNode sla = node.putObject("sla");
            sla.set("firstResponse", clockJson(c.sla().firstResponse()));
            sla.set("nextResponse", clockJson(c.sla().nextResponse()));
            sla.set("resolution", clockJson(c.sla().resolution()));
        }
        return node;
    }

    private static Case readCase(JsonNode node) {
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        List<Note> notes = new ArrayList<>();
        node.path("notes").forEach(n -> notes.add(new Note(text(n, "eventId"), text(n, "author"),
                readInstant(n, "at"), text(n, "text"))));
        JsonNode sla = node.path("sla");
        CaseSla clocks = sla.isObject() ? new CaseSla(readClock(sla.path("firstResponse")),
                readClock(sla.path("nextResponse")), readClock(sla.path("resolution"))) : null;
        return new Case(text(node, "id"), text(node, "room"), text(node, "citizen"), text(node, "citizenName"),
                text(node, "reference"), readInstant(node, "createdAt"), text(node, "createdBy"), text(node, "type"),
                status(text(node, "status")), text(node, "assignee"), tags, notes,
                CaseTimeline.of(moments(node.path("moments"))), clocks);
    }

    private static ObjectNode momentJson(Moment m) {
        return JSON.createObjectNode().put("at", instant(m.at())).put("kind", m.kind().name())
                .put("status", m.status() == null ? null : m.status().wireName()).put("staffOrder", m.staffOrder());
    }

    private static List<Moment> moments(JsonNode array) {
        List<Moment> moments = new ArrayList<>();
        for (JsonNode m : array) {
            String status = text(m, "status");
            moments.add(new Moment(readInstant(m, "at"), Moment.Kind.valueOf(text(m, "kind")),
                    status == null ? null : status(status), m.path("staffOrder").asLong()));
        }
        return moments;
    }

    private static JsonNode clockJson(SlaClock clock) {
        if (clock == null) {
            return JSON.nullNode();
        }
        return JSON.createObjectNode().put("started", instant(clock.started()))
                .put("target", duration(clock.target())).put("due", instant(clock.due()))
                .put("met", instant(clock.met())).put("pausedSince", instant(clock.pausedSince()))
                .put("remaining", duration(clock.remaining()));
    }

    private static SlaClock readClock(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new SlaClock(readInstant(node, "started"), readDuration(node, "target"), readInstant(node, "due"),
                readInstant(node, "met"), readInstant(node, "pausedSince"), readDuration(node, "remaining"));
    }

    private static CaseStatus status(String wire) {
        return CaseStatus.fromWireName(wire).orElseThrow(() -> new IllegalArgumentException("status " + wire));
    }

    // ---- unit policy, SLA, staff room, templates ----

    private static ObjectNode policyJson(UnitPolicy policy) {
        ObjectNode node = JSON.createObjectNode().put("unit", policy.unitCode())
                .put("referencePattern", policy.referencePattern().pattern())
                .put("takeUnassigned", policy.takeUnassigned()).put("autoJoin", policy.autoJoin())
                .put("contact", policy.contact());
        node.set("sla", slaJson(policy.sla()));
        if (!policy.letterhead().isEmpty()) {
            node.set("letterhead", policy.letterhead().toJson());
        }
        return node;
    }

    private static UnitPolicy readPolicy(JsonNode node) {
        return new UnitPolicy(text(node, "unit"), new ReferencePattern(text(node, "referencePattern")),
                node.path("takeUnassigned").asBoolean(), node.path("autoJoin").asBoolean(), text(node, "contact"),
                SlaPolicy.parse(node.path("sla")),
                // Snapshots written before the letterhead existed have none: empty, as the log had it then.
                node.has("letterhead") ? UnitLetterhead.fromJson(node.get("letterhead")) : UnitLetterhead.EMPTY);
    }

    /** The same shape as {@code sla/sla-default.json}, so {@link SlaPolicy#parse} reads it back. */
    static ObjectNode slaJson(SlaPolicy sla) {
        ObjectNode node = JSON.createObjectNode().put("v", 1);
        BusinessCalendar calendar = sla.calendar();
        ObjectNode cal = node.putObject("calendar").put("zone", calendar.zone().getId());
        ObjectNode hours = cal.putObject("hours");
        new TreeMap<DayOfWeek, BusinessCalendar.Window>(calendar.hours()).forEach((day, window) ->
                hours.put(day.name().toLowerCase(Locale.ROOT), window.opens() + "-" + window.closes()));
        cal.put("nationwideHolidays", calendar.nationwideHolidays());
        ArrayNode holidays = cal.putArray("holidays");
        new TreeSet<LocalDate>(calendar.holidays()).forEach(d -> holidays.add(d.toString()));
        SlaTargets defaults = sla.defaults();
        node.putObject("defaults").put("firstResponse", defaults.firstResponse().toString())
                .put("nextResponse", defaults.nextResponse().toString())
                .put("resolution", defaults.resolution().toString());
        ObjectNode types = node.putObject("types");
        new TreeMap<>(sla.byType()).forEach((type, partial) -> {
            ObjectNode t = types.putObject(type);
            if (partial.firstResponse() != null) {
                t.put("firstResponse", partial.firstResponse().toString());
            }
            if (partial.nextResponse() != null) {
                t.put("nextResponse", partial.nextResponse().toString());
            }
            if (partial.resolution() != null) {
                t.put("resolution", partial.resolution().toString());
            }
        });
        return node;
    }

    private static ObjectNode staffRoomJson(StaffRoom room) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode members = node.putObject("members");
        new TreeMap<>(room.members()).forEach(members::put);
        PowerLevels levels = room.powerLevels();
        ObjectNode power = node.putObject("powerLevels").put("usersDefault", levels.usersDefault());
        ObjectNode users = power.putObject("users");
        new TreeMap<>(levels.users()).forEach(users::put);
        ObjectNode events = power.putObject("events");
        new TreeMap<>(levels.events()).forEach(events::put);
        return node;
    }

    private static StaffRoom readStaffRoom(JsonNode node) {
        Map<String, String> members = new LinkedHashMap<>();
        node.path("members").properties().forEach(e -> members.put(e.getKey(), e.getValue().asText()));
        JsonNode power = node.path("powerLevels");
        Map<String, Integer> users = new HashMap<>();
        power.path("users").properties().forEach(e -> users.put(e.getKey(), e.getValue().asInt()));
        Map<String, Integer> events = new HashMap<>();
        power.path("events").properties().forEach(e -> events.put(e.getKey(), e.getValue().asInt()));
        return new StaffRoom(members, new PowerLevels(users, power.path("usersDefault").asInt(), events));
    }

    private static ObjectNode templateJson(ReplyTemplate t) {
        return JSON.createObjectNode().put("id", t.id()).put("lang", t.language()).put("caseType", t.caseType())
                .put("version", t.version()).put("title", t.title()).put("body", t.body())
                .put("retired", t.retired()).put("publishedBy", t.publishedBy())
                .put("publishedAt", instant(t.publishedAt()));
    }

    private static ReplyTemplate readTemplate(JsonNode n) {
        return new ReplyTemplate(text(n, "id"), text(n, "lang"), text(n, "caseType"), n.path("version").asInt(),
                text(n, "title"), text(n, "body"), n.path("retired").asBoolean(), text(n, "publishedBy"),
                readInstant(n, "publishedAt"));
    }

    private static ObjectNode macroJson(Macro m) {
        ObjectNode node = JSON.createObjectNode().put("id", m.id()).put("lang", m.language())
                .put("version", m.version()).put("title", m.title()).put("template", m.templateId())
                .put("status", m.status() == null ? null : m.status().wireName());
        ArrayNode add = node.putArray("addTags");
        m.addTags().forEach(add::add);
        ArrayNode remove = node.putArray("removeTags");
        m.removeTags().forEach(remove::add);
        return node.put("retired", m.retired()).put("publishedBy", m.publishedBy())
                .put("publishedAt", instant(m.publishedAt()));
    }

    private static Macro readMacro(JsonNode n) {
        String status = text(n, "status");
        TreeSet<String> add = new TreeSet<>();
        n.path("addTags").forEach(t -> add.add(t.asText()));
        TreeSet<String> remove = new TreeSet<>();
        n.path("removeTags").forEach(t -> remove.add(t.asText()));
        return new Macro(text(n, "id"), text(n, "lang"), n.path("version").asInt(), text(n, "title"),
                text(n, "template"), status == null ? null : status(status), add, remove,
                n.path("retired").asBoolean(), text(n, "publishedBy"), readInstant(n, "publishedAt"));
    }

    // ---- unit members (ADR 0014) ----

    private static ObjectNode memberJson(UnitMember m) {
        ObjectNode node = JSON.createObjectNode().put("user", m.userId()).put("maxOpenCases", m.maxOpenCases());
        if (m.caseTypes() != null) {
            ArrayNode types = node.putArray("caseTypes");
            m.caseTypes().forEach(types::add);
        }
        return node.put("absent", m.absent()).put("deputy", m.deputy());
    }

    private static UnitMember readMember(JsonNode n) {
        TreeSet<String> types = null;
        if (n.path("caseTypes").isArray()) {
            types = new TreeSet<>();
            for (JsonNode t : n.path("caseTypes")) {
                types.add(t.asText());
            }
        }
        JsonNode max = n.path("maxOpenCases");
        return new UnitMember(text(n, "user"), max.isIntegralNumber() ? max.asInt() : null, types,
                n.path("absent").asBoolean(), text(n, "deputy"));
    }

    private static ObjectNode signOffJson(NoticeSignOff s) {
        return JSON.createObjectNode().put("case", s.caseId()).put("sha256", s.sha256()).put("title", s.title())
                .put("requestedBy", s.requestedBy()).put("requestedAt", instant(s.requestedAt()))
                .put("status", s.status().wireName()).put("decidedBy", s.decidedBy())
                .put("decidedAt", instant(s.decidedAt())).put("reason", s.reason());
    }

    private static ObjectNode deliveryJson(NoticeDelivery d) {
        return JSON.createObjectNode().put("case", d.caseId()).put("sha256", d.sha256())
                .put("draft", d.draftSha256()).put("event", d.eventId()).put("sentBy", d.sentBy())
                .put("sentAt", instant(d.sentAt())).put("readBy", d.readBy()).put("readAt", instant(d.readAt()));
    }

    private static NoticeDelivery readDelivery(JsonNode n) {
        return new NoticeDelivery(text(n, "case"), text(n, "sha256"), text(n, "draft"), text(n, "event"),
                text(n, "sentBy"), readInstant(n, "sentAt"), text(n, "readBy"), readInstant(n, "readAt"));
    }

    private static NoticeSignOff readSignOff(JsonNode n) {
        return new NoticeSignOff(text(n, "case"), text(n, "sha256"), text(n, "title"), text(n, "requestedBy"),
                readInstant(n, "requestedAt"),
                NoticeSignOff.Status.valueOf(text(n, "status").toUpperCase(java.util.Locale.ROOT)),
                text(n, "decidedBy"), readInstant(n, "decidedAt"), text(n, "reason"));
    }

    // ---- scalars ----

    private static String instant(Instant value) {
        return value == null ? null : value.toString();
    }

    private static String duration(Duration value) {
        return value == null ? null : value.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static Instant readInstant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }

    private static Duration readDuration(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Duration.parse(value);
    }
}
