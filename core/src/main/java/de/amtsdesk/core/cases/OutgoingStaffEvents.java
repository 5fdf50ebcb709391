package de.amtsdesk.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import java.util.Collection;
import java.util.Objects;

/**
 * Builds the content of staff events for the transport to encrypt and send into the staff room, so that the UI
 * never writes JSON by hand and every event matches what {@link CaseLog} accepts. Sending does not change the
 * book: the change takes effect when the event comes back from the server in order, like everyone else's.
 */
public final class OutgoingStaffEvents {

    /** An event ready to send: the Matrix event type and its (plaintext, to be encrypted) content. */
    public record Outgoing(String type, ObjectNode content) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OutgoingStaffEvents() {
    }

    public static Outgoing created(String roomId, String citizenId, String citizenName) {
        ObjectNode content = base().put("room", roomId).put("citizen", citizenId);
        if (citizenName != null) {
            content.put("citizenName", citizenName);
        }
        return new Outgoing(StaffEventTypes.CREATED, content);
    }

    public static Outgoing typed(String caseId, String serviceKey) {
        return new Outgoing(StaffEventTypes.TYPED, base().put("case", caseId).put("type", serviceKey));
    }

    public static Outgoing status(String caseId, CaseStatus status, String reason) {
        if (status == CaseStatus.UNTRIAGED) {
            throw new IllegalArgumentException("untriaged is where a case starts; it cannot be set");
        }
        ObjectNode content = base().put("case", caseId).put("status", status.wireName());
        if (reason != null) {
            content.put("reason", reason);
        }
        return new Outgoing(StaffEventTypes.STATUS, content);
    }

    /** {@code assignee == null} unassigns. */
    public static Outgoing assign(String caseId, String assignee) {
        return new Outgoing(StaffEventTypes.ASSIGNED, base().put("case", caseId).put("assignee", assignee));
    }

    public static Outgoing bulkAssign(Collection<String> caseIds, String assignee) {
        ObjectNode content = base().put("assignee", assignee);
        caseIds.forEach(content.putArray("cases")::add);
        return new Outgoing(StaffEventTypes.ASSIGNED, content);
    }

    public static Outgoing note(String caseId, String text) {
        return new Outgoing(StaffEventTypes.NOTE, base().put("case", caseId).put("text", text));
    }

    public static Outgoing tag(String caseId, Collection<String> add, Collection<String> remove) {
        ObjectNode content = base().put("case", caseId);
        if (!add.isEmpty()) {
            add.forEach(content.putArray("add")::add);
        }
        if (!remove.isEmpty()) {
            remove.forEach(content.putArray("remove")::add);
        }
        return new Outgoing(StaffEventTypes.TAGGED, content);
    }

    /** Only non-null arguments are sent; they change the unit policy, the rest stays. */
    public static Outgoing policy(String unitCode, String referencePattern, Boolean takeUnassigned, Boolean autoJoin,
            String contact, JsonNode sla) {
        ObjectNode content = base();
        if (unitCode != null) {
            content.put("unit", unitCode);
        }
        if (referencePattern != null) {
            content.put("referencePattern", referencePattern);
        }
        if (takeUnassigned != null) {
            content.put("takeUnassigned", takeUnassigned);
        }
        if (autoJoin != null) {
            content.put("autoJoin", autoJoin);
        }
        if (contact != null) {
            content.put("contact", contact);
        }
        if (sla != null) {
            content.set("sla", sla);
        }
        return new Outgoing(StaffEventTypes.POLICY, content);
    }

    /** A lead sets the unit's letterhead for notices (a policy event changing only that). */
    public static Outgoing letterhead(UnitLetterhead letterhead) {
        ObjectNode content = base();
        content.set("letterhead", letterhead.toJson());
        return new Outgoing(StaffEventTypes.POLICY, content);
    }

    public static Outgoing template(String id, String language, String caseType, int version, String title,
            String body, boolean retired) {
        ObjectNode content = base().put("id", id).put("lang", language).put("caseType", caseType)
                .put("version", version).put("title", Objects.requireNonNull(title)).put("body", body);
        if (retired) {
            content.put("retired", true);
        }
        return new Outgoing(StaffEventTypes.TEMPLATE, content);
    }

    /**
     * A macro for the unit (leads only; ADR 0013). Null or empty arguments are left out.
     *
     * @param templateId the reply template it inserts into the draft, or null
     * @param status     the status it sets (not {@code UNTRIAGED}), or null
     */
    public static Outgoing macro(String id, String language, int version, String title, String templateId,
            CaseStatus status, Collection<String> addTags, Collection<String> removeTags, boolean retired) {
        if (status == CaseStatus.UNTRIAGED) {
            throw new IllegalArgumentException("untriaged is where a case starts; a macro cannot set it");
        }
        ObjectNode content = base().put("id", id).put("lang", language).put("version", version)
                .put("title", Objects.requireNonNull(title));
        if (templateId != null) {
            content.put("template", templateId);
        }
        if (status != null) {
            content.put("status", status.wireName());
        }
        if (addTags != null && !addTags.isEmpty()) {
            addTags.forEach(content.putArray("addTags")::add);
        }
        if (removeTags != null && !removeTags.isEmpty()) {
            removeTags.forEach(content.putArray("removeTags")::add);
        }
        if (retired) {
            content.put("retired", true);
        }
        return new Outgoing(StaffEventTypes.MACRO, content);
    }

    /**
     * "I sent this reply to the case's citizen" (ADR 0011), usually built by {@code CaseworkerReplies}, not by hand.
     *
     * @param citizenRoomEventId the reply's event ID in the citizen room, or null to name the outbox transaction
     * @param transactionId      the functional account's outbox transaction ID, used only without an event ID
     * @param kind               {@code text}, {@code poll}, {@code file} or {@code template}
     * @param templateId         the template's ID, exactly when {@code kind} is {@code template}
     * @param bodySha256         lower-case hex SHA-256 of the reply's text ({@link #sha256Hex}), not the text itself
     */
    public static Outgoing replied(String caseId, String citizenRoomEventId, String transactionId, String kind,
            String templateId, String bodySha256) {
        if ((citizenRoomEventId == null) == (transactionId == null)) {
            throw new IllegalArgumentException("give either the event ID or the transaction ID");
        }
        ObjectNode content = base().put("case", caseId);
        if (citizenRoomEventId != null) {
            content.put("event", citizenRoomEventId);
        } else {
            content.put("txn", transactionId);
        }
        content.put("kind", kind);
        if (templateId != null) {
            content.put("template", templateId);
        }
        return new Outgoing(StaffEventTypes.REPLIED, content.put("sha256", bodySha256));
    }

    /**
     * One caseworker's settings, as a whole (leads only; ADR 0014): what is not given is reset to "no limit",
     * "every case type", "present".
     *
     * @param maxOpenCases null for no limit
     * @param caseTypes    null for every case type; otherwise service keys or dotted prefixes (empty: none)
     * @param deputy       who stands in, only with {@code absent}; null for nobody
     */
    public static Outgoing member(String userId, Integer maxOpenCases, Collection<String> caseTypes, boolean absent,
            String deputy) {
        if (deputy != null && !absent) {
            throw new IllegalArgumentException("a deputy stands in only for an absent member");
        }
        ObjectNode content = base().put("user", Objects.requireNonNull(userId, "userId"));
        if (maxOpenCases != null) {
            content.put("maxOpenCases", maxOpenCases.intValue());
        }
        if (caseTypes != null) {
            ArrayNode types = content.putArray("caseTypes");
            new java.util.TreeSet<>(caseTypes).forEach(types::add);
        }
        if (absent) {
            content.put("absent", true);
        }
        if (deputy != null) {
            content.put("deputy", deputy);
        }
        return new Outgoing(StaffEventTypes.MEMBER, content);
    }

    /** Marks the caseworker absent and moves every open case they hold to the deputy, in one event (leads only). */
    public static Outgoing handover(String userId, String deputy) {
        return new Outgoing(StaffEventTypes.HANDOVER, base().put("user", Objects.requireNonNull(userId, "userId"))
                .put("deputy", Objects.requireNonNull(deputy, "deputy")));
    }

    /**
     * The sender takes the case over from its current holder; {@code currentAssignee} is who the sender saw holding
     * it, so the fold refuses the take-over if that changed meanwhile.
     */
    public static Outgoing takeover(String caseId, String currentAssignee) {
        return new Outgoing(StaffEventTypes.TAKEOVER, base().put("case", caseId)
                .put("from", Objects.requireNonNull(currentAssignee, "currentAssignee")));
    }

    /**
     * Asks the unit to sign off (mitzeichnen) the notice draft with this SHA-256 of its PDF bytes (ADR 0017).
     *
     * @param title the notice's title, so the approver knows which draft it is; may be null
     */
    public static Outgoing requestNoticeSignOff(String caseId, String pdfSha256, String title) {
        ObjectNode content = base().put("case", caseId).put("action", "request").put("sha256", pdfSha256);
        if (title != null) {
            content.put("title", title);
        }
        return new Outgoing(StaffEventTypes.NOTICE_SIGNOFF, content);
    }

    /** Approves someone else's draft with exactly this hash; the fold refuses an approval of one's own draft. */
    public static Outgoing approveNotice(String caseId, String pdfSha256) {
        return new Outgoing(StaffEventTypes.NOTICE_SIGNOFF,
                base().put("case", caseId).put("action", "approve").put("sha256", pdfSha256));
    }

    /** Rejects someone else's draft; the reason goes to the drafter and the audit trail. */
    public static Outgoing rejectNotice(String caseId, String pdfSha256, String reason) {
        ObjectNode content = base().put("case", caseId).put("action", "reject").put("sha256", pdfSha256);
        if (reason != null) {
            content.put("reason", reason);
        }
        return new Outgoing(StaffEventTypes.NOTICE_SIGNOFF, content);
    }

    /**
     * Delivery evidence (ADR 0017): the signed notice with {@code pdfSha256}, signed from the approved draft
     * {@code draftSha256}, went to the citizen as the encrypted file event {@code fileEventId}.
     */
    public static Outgoing noticeSent(String caseId, String pdfSha256, String draftSha256, String fileEventId) {
        return new Outgoing(StaffEventTypes.NOTICE_DELIVERED, base().put("case", caseId).put("stage", "sent")
                .put("sha256", pdfSha256).put("draft", draftSha256).put("event", fileEventId));
    }

    /** Delivery evidence: the citizen's {@code m.read} receipt for the notice's file event, with the receipt's ts. */
    public static Outgoing noticeRead(String caseId, String pdfSha256, String fileEventId, String citizenId,
            long receiptTs) {
        return new Outgoing(StaffEventTypes.NOTICE_DELIVERED, base().put("case", caseId).put("stage", "read")
                .put("sha256", pdfSha256).put("event", fileEventId).put("reader", citizenId)
                .put("readAt", receiptTs));
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes, as {@link #replied} carries it. */
    public static String sha256Hex(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static ObjectNode base() {
        return JSON.objectNode().put("v", StaffEventTypes.SCHEMA_VERSION);
    }
}
