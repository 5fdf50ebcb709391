package de.amtsdesk.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.cases.sla.SlaPolicy;
import de.amtsdesk.core.cases.templates.ReplyTemplate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns the content of a staff event into a {@link CaseCommand}, strictly: schema version 1 only, every required
 * field present with the right type and size, no unknown field. Anything else is an {@link InvalidStaffEvent},
 * which the fold audits and ignores. Parsing looks at the event alone, never at the state.
 */
final class StaffEventParser {

    static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,38}[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    static final int MAX_BULK = 500;
    static final int MAX_NOTE = 10_000;
    /** Case types one member handles: a service key or a dotted prefix of one ({@code meldewesen}). */
    static final Pattern CASE_TYPE_PREFIX = Pattern.compile("(?=.{1,120}$)[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");
    static final int MAX_CASE_TYPES = 100;
    /** Far above any real caseload; a bound so that a typo (or a hostile value) is refused, not folded. */
    static final int MAX_OPEN_CASES = 10_000;

    private StaffEventParser() {
    }

    static CaseCommand parse(StaffEvent event) throws InvalidStaffEvent {
        JsonNode content = event.content();
        return switch (event.type()) {
            case StaffEventTypes.CREATED -> created(ContentReader.of(content, Set.of("room", "citizen", "citizenName")));
            case StaffEventTypes.TYPED -> typed(ContentReader.of(content, Set.of("case", "type")));
            case StaffEventTypes.STATUS -> status(ContentReader.of(content, Set.of("case", "status", "reason")));
            case StaffEventTypes.ASSIGNED -> assigned(ContentReader.of(content, Set.of("case", "cases", "assignee")));
            case StaffEventTypes.NOTE -> note(ContentReader.of(content, Set.of("case", "text")));
            case StaffEventTypes.TAGGED -> tagged(ContentReader.of(content, Set.of("case", "add", "remove")));
            case StaffEventTypes.POLICY -> policy(ContentReader.of(content,
                    Set.of("unit", "referencePattern", "takeUnassigned", "autoJoin", "contact", "sla", "letterhead")));
            case StaffEventTypes.TEMPLATE -> template(event, ContentReader.of(content,
                    Set.of("id", "lang", "caseType", "version", "title", "body", "retired")));
            case StaffEventTypes.MACRO -> macro(event, ContentReader.of(content, Set.of("id", "lang", "version",
                    "title", "template", "status", "addTags", "removeTags", "retired")));
            case StaffEventTypes.REPLIED -> replied(ContentReader.of(content,
                    Set.of("case", "event", "txn", "kind", "template", "sha256")));
            case StaffEventTypes.MEMBER -> member(ContentReader.of(content,
                    Set.of("user", "maxOpenCases", "caseTypes", "absent", "deputy")));
            case StaffEventTypes.HANDOVER -> handover(ContentReader.of(content, Set.of("user", "deputy")));
            case StaffEventTypes.TAKEOVER -> takeover(ContentReader.of(content, Set.of("case", "from")));
            case StaffEventTypes.NOTICE_SIGNOFF -> noticeSignOff(ContentReader.of(content,
                    Set.of("case", "action", "sha256", "title", "reason")));
            case StaffEventTypes.NOTICE_DELIVERED -> noticeDelivered(ContentReader.of(content,
                    Set.of("case", "stage", "sha256", "draft", "event", "reader", "readAt")));
            // Says what it is, so the audit detail is readable even for an empty type (found by fuzzing).
            default -> throw new InvalidStaffEvent(Rejection.UNKNOWN_EVENT_TYPE,
                    "unknown event type \"" + event.type() + "\"");
        };
    }

    private static CaseCommand created(ContentReader in) throws InvalidStaffEvent {
        return new CaseCommand.CreateCase(in.matching("room", ContentReader.ROOM_ID, "a room ID"),
                in.matching("citizen", ContentReader.USER_ID, "a user ID"), in.optionalText("citizenName", 200));
    }

    private static CaseCommand typed(ContentReader in) throws InvalidStaffEvent {
        return new CaseCommand.TypeCase(caseId(in),
                in.matching("type", ContentReader.SERVICE_KEY, "a service key"));
    }

    private static CaseCommand status(ContentReader in) throws InvalidStaffEvent {
        String caseId = caseId(in);
        String name = in.text("status", 20);
        CaseStatus status = CaseStatus.fromWireName(name).filter(s -> s != CaseStatus.UNTRIAGED)
                .orElseThrow(() -> new InvalidStaffEvent(Rejection.MALFORMED,
                        "status must be open, waiting or closed: " + name));
        return new CaseCommand.ChangeStatus(caseId, status, in.optionalText("reason", 500));
    }

    private static CaseCommand assigned(ContentReader in) throws InvalidStaffEvent {
        if (in.has("case") == in.has("cases")) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "give either case or cases");
        }
        List<String> ids = in.has("case") ? List.of(caseId(in))
                : in.textArray("cases", MAX_BULK, ContentReader.EVENT_ID, "a case ID");
        if (ids.isEmpty()) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "cases is empty");
        }
        if (!in.has("assignee")) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "missing field assignee (null to unassign)");
        }
        String assignee = in.node("assignee").isNull() ? null
                : in.matching("assignee", ContentReader.USER_ID, "a user ID");
        return new CaseCommand.AssignCases(ids, assignee);
    }

    private static CaseCommand note(ContentReader in) throws InvalidStaffEvent {
        return new CaseCommand.AddNote(caseId(in), in.text("text", MAX_NOTE));
    }

    private static CaseCommand tagged(ContentReader in) throws InvalidStaffEvent {
        String caseId = caseId(in);
        TreeSet<String> add = new TreeSet<>(in.textArray("add", 50, TAG, "a tag"));
        TreeSet<String> remove = new TreeSet<>(in.textArray("remove", 50, TAG, "a tag"));
        if (add.isEmpty() && remove.isEmpty()) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "add or remove must name a tag");
        }
        if (add.stream().anyMatch(remove::contains)) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "a tag is both added and removed");
        }
        return new CaseCommand.TagCase(caseId, add, remove);
    }

    private static CaseCommand policy(ContentReader in) throws InvalidStaffEvent {
        try {
            String pattern = in.optionalText("referencePattern", 60);
            SlaPolicy sla = in.has("sla") ? SlaPolicy.parse(in.node("sla")) : null;
            JsonNode contact = in.node("contact");
            if (contact != null && (!contact.isTextual() || contact.asText().length() > 500)) {
                throw new InvalidStaffEvent(Rejection.MALFORMED, "contact must be text of at most 500 characters");
            }
            CaseCommand.ChangePolicy change = new CaseCommand.ChangePolicy(in.optionalText("unit", 12),
                    pattern == null ? null : new ReferencePattern(pattern), in.optionalBoolean("takeUnassigned"),
                    in.optionalBoolean("autoJoin"), contact == null ? null : contact.asText(), sla,
                    in.has("letterhead") ? UnitLetterhead.fromJson(in.node("letterhead")) : null);
            if (change.equals(new CaseCommand.ChangePolicy(null, null, null, null, null, null, null))) {
                throw new InvalidStaffEvent(Rejection.MALFORMED, "a policy event must change something");
            }
            // Validates the unit code together with the rest, so a bad one fails here and not in the fold.
            change.applyTo(UnitPolicy.defaults("X"));
            return change;
        } catch (IllegalArgumentException e) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, e.getMessage());
        }
    }

    private static CaseCommand template(StaffEvent event, ContentReader in) throws InvalidStaffEvent {
        String id = in.text("id", 100);
        String language = in.text("lang", 2);
        String caseType = in.text("caseType", 120);
        int version = in.positiveInt("version");
        String title = in.text("title", 200);
        String body = in.text("body", 20_000);
        Boolean retired = in.optionalBoolean("retired");
        try {
            return new CaseCommand.PublishTemplate(new ReplyTemplate(id, language, caseType, version, title, body,
                    retired != null && retired, event.sender(), event.serverTime()));
        } catch (IllegalArgumentException e) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, e.getMessage());
        }
    }

    private static CaseCommand macro(StaffEvent event, ContentReader in) throws InvalidStaffEvent {
        String id = in.text("id", 100);
        String language = in.text("lang", 2);
        int version = in.positiveInt("version");
        String title = in.text("title", 200);
        String template = in.optionalText("template", 100);
        String statusName = in.optionalText("status", 20);
        CaseStatus status = null;
        if (statusName != null) {
            status = CaseStatus.fromWireName(statusName).filter(s -> s != CaseStatus.UNTRIAGED)
                    .orElseThrow(() -> new InvalidStaffEvent(Rejection.MALFORMED,
                            "status must be open, waiting or closed: " + statusName));
        }
        TreeSet<String> add = new TreeSet<>(in.textArray("addTags", Macro.MAX_TAGS, TAG, "a tag"));
        TreeSet<String> remove = new TreeSet<>(in.textArray("removeTags", Macro.MAX_TAGS, TAG, "a tag"));
        Boolean retired = in.optionalBoolean("retired");
        try {
            return new CaseCommand.PublishMacro(new Macro(id, language, version, title, template, status, add, remove,
                    retired != null && retired, event.sender(), event.serverTime()));
        } catch (IllegalArgumentException e) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, e.getMessage());
        }
    }

    /** The whole settings of one member (ADR 0014); absent fields mean "no limit", "every type", "present". */
    private static CaseCommand member(ContentReader in) throws InvalidStaffEvent {
        String user = in.matching("user", ContentReader.USER_ID, "a user ID");
        Integer maxOpenCases = in.optionalIntBetween("maxOpenCases", 0, MAX_OPEN_CASES);
        List<String> caseTypes = in.has("caseTypes")
                ? in.textArray("caseTypes", MAX_CASE_TYPES, CASE_TYPE_PREFIX, "a case type") : null;
        Boolean absent = in.optionalBoolean("absent");
        String deputy = in.has("deputy") ? in.matching("deputy", ContentReader.USER_ID, "a user ID") : null;
        if (deputy != null && !Boolean.TRUE.equals(absent)) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "a deputy is named only with absent: true");
        }
        if (user.equals(deputy)) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "a member cannot be their own deputy");
        }
        return new CaseCommand.SetMember(new UnitMember(user, maxOpenCases,
                caseTypes == null ? null : new TreeSet<>(caseTypes), Boolean.TRUE.equals(absent), deputy));
    }

    private static CaseCommand handover(ContentReader in) throws InvalidStaffEvent {
        String user = in.matching("user", ContentReader.USER_ID, "a user ID");
        String deputy = in.matching("deputy", ContentReader.USER_ID, "a user ID");
        if (user.equals(deputy)) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "a member cannot hand over to themselves");
        }
        return new CaseCommand.HandOver(user, deputy);
    }

    private static CaseCommand takeover(ContentReader in) throws InvalidStaffEvent {
        return new CaseCommand.TakeOver(caseId(in), in.matching("from", ContentReader.USER_ID, "a user ID"));
    }

    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9._~=-]{1,255}");

    private static CaseCommand replied(ContentReader in) throws InvalidStaffEvent {
        String caseId = caseId(in);
        if (in.has("event") == in.has("txn")) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "give either event or txn");
        }
        String eventId = in.has("event") ? in.matching("event", ContentReader.EVENT_ID, "an event ID") : null;
        String txn = in.has("txn") ? in.matching("txn", TRANSACTION_ID, "a transaction ID") : null;
        String kindName = in.text("kind", 20);
        CaseCommand.ReplyKind kind = CaseCommand.ReplyKind.fromWireName(kindName).orElseThrow(() ->
                new InvalidStaffEvent(Rejection.MALFORMED, "kind must be text, poll, file or template: " + kindName));
        String template = in.optionalText("template", 100);
        if ((kind == CaseCommand.ReplyKind.TEMPLATE) != (template != null)) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "template is given exactly for kind template");
        }
        String sha256 = in.matching("sha256", SHA256_HEX, "a lower-case hex SHA-256");
        return new CaseCommand.RecordReply(caseId, eventId, txn, kind, template, sha256);
    }

    private static CaseCommand noticeSignOff(ContentReader in) throws InvalidStaffEvent {
        String caseId = caseId(in);
        String action = in.text("action", 20);
        NoticeSignOff.Status status = switch (action) {
            case "request" -> NoticeSignOff.Status.REQUESTED;
            case "approve" -> NoticeSignOff.Status.APPROVED;
            case "reject" -> NoticeSignOff.Status.REJECTED;
            default -> throw new InvalidStaffEvent(Rejection.MALFORMED,
                    "action must be request, approve or reject: " + action);
        };
        String sha256 = in.matching("sha256", SHA256_HEX, "a lower-case hex SHA-256");
        String title = in.optionalText("title", 200);
        String reason = in.optionalText("reason", 500);
        if (title != null && status != NoticeSignOff.Status.REQUESTED) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "title belongs to a request only");
        }
        if (reason != null && status != NoticeSignOff.Status.REJECTED) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "reason belongs to a rejection only");
        }
        return new CaseCommand.SignOffNotice(caseId, status, sha256, title, reason);
    }

    private static CaseCommand noticeDelivered(ContentReader in) throws InvalidStaffEvent {
        String caseId = caseId(in);
        String stage = in.text("stage", 10);
        String sha256 = in.matching("sha256", SHA256_HEX, "a lower-case hex SHA-256");
        String eventId = in.matching("event", ContentReader.EVENT_ID, "an event ID");
        switch (stage) {
            case "sent" -> {
                if (in.has("reader") || in.has("readAt")) {
                    throw new InvalidStaffEvent(Rejection.MALFORMED, "reader and readAt belong to stage read only");
                }
                String draft = in.matching("draft", SHA256_HEX, "a lower-case hex SHA-256");
                return new CaseCommand.RecordNoticeDelivery(caseId, false, sha256, draft, eventId, null, null);
            }
            case "read" -> {
                if (in.has("draft")) {
                    throw new InvalidStaffEvent(Rejection.MALFORMED, "draft belongs to stage sent only");
                }
                String reader = in.matching("reader", ContentReader.USER_ID, "a user ID");
                com.fasterxml.jackson.databind.JsonNode ts = in.node("readAt");
                if (ts == null || !ts.isIntegralNumber() || !ts.canConvertToLong() || ts.asLong() < 0) {
                    throw new InvalidStaffEvent(Rejection.MALFORMED,
                            "readAt must be the receipt's ts in milliseconds since 1970");
                }
                return new CaseCommand.RecordNoticeDelivery(caseId, true, sha256, null, eventId, reader,
                        java.time.Instant.ofEpochMilli(ts.asLong()));
            }
            default -> throw new InvalidStaffEvent(Rejection.MALFORMED, "stage must be sent or read: " + stage);
        }
    }

    private static String caseId(ContentReader in) throws InvalidStaffEvent {
        return in.matching("case", ContentReader.EVENT_ID, "a case ID");
    }
}
