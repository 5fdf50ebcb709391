package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.sla.SlaPolicy;
import de.amtsdesk.core.cases.templates.ReplyTemplate;
import java.util.List;
import java.util.SortedSet;

/** The validated meaning of one staff event, before the fold checks it against the state. */
public sealed interface CaseCommand {

    /** A new case for a citizen room; the case ID will be the event ID. */
    record CreateCase(String roomId, String citizenId, String citizenName) implements CaseCommand {
    }

    record TypeCase(String caseId, String type) implements CaseCommand {
    }

    /** Only open, waiting and closed can be set; untriaged is where every case starts. */
    record ChangeStatus(String caseId, CaseStatus status, String reason) implements CaseCommand {
    }

    /** One or many cases to one assignee, or to nobody ({@code assignee == null}). All or none are applied. */
    record AssignCases(List<String> caseIds, String assignee) implements CaseCommand {
        public AssignCases {
            caseIds = List.copyOf(caseIds);
        }
    }

    record AddNote(String caseId, String text) implements CaseCommand {
    }

    record TagCase(String caseId, SortedSet<String> add, SortedSet<String> remove) implements CaseCommand {
    }

    /** Changes only the fields that are not null. */
    record ChangePolicy(String unitCode, ReferencePattern referencePattern, Boolean takeUnassigned,
            Boolean autoJoin, String contact, SlaPolicy sla, UnitLetterhead letterhead) implements CaseCommand {

        UnitPolicy applyTo(UnitPolicy policy) {
            return new UnitPolicy(unitCode != null ? unitCode : policy.unitCode(),
                    referencePattern != null ? referencePattern : policy.referencePattern(),
                    takeUnassigned != null ? takeUnassigned : policy.takeUnassigned(),
                    autoJoin != null ? autoJoin : policy.autoJoin(),
                    contact != null ? contact : policy.contact(),
                    sla != null ? sla : policy.sla(),
                    letterhead != null ? letterhead : policy.letterhead());
        }
    }

    record PublishTemplate(ReplyTemplate template) implements CaseCommand {
    }

    record PublishMacro(Macro macro) implements CaseCommand {
    }

    /** A lead states one member's capacity, competence and absence; replaces what was said before (ADR 0014). */
    record SetMember(UnitMember member) implements CaseCommand {
    }

    /** A lead marks {@code userId} absent with {@code deputy} and moves all their open cases to the deputy. */
    record HandOver(String userId, String deputy) implements CaseCommand {
    }

    /**
     * The sender takes a case over from {@code from}, the holder they saw; if someone else holds it by the time the
     * event is folded, it is refused, so a take-over never silently overrides a change the sender did not see.
     */
    record TakeOver(String caseId, String from) implements CaseCommand {
    }

    /**
     * The sender sent a reply to the case's citizen through the functional account (ADR 0011). Exactly one of
     * {@code eventId} (the reply's event in the citizen room) and {@code transactionId} (its outbox transaction on
     * the sending workstation) is set; {@code templateId} exactly when {@code kind} is {@code template}.
     */
    record RecordReply(String caseId, String eventId, String transactionId, ReplyKind kind, String templateId,
            String bodySha256) implements CaseCommand {
    }

    /**
     * Mitzeichnung (ADR 0017): the sender requests sign-off of the notice draft with this SHA-256, or approves or
     * rejects someone else's request. {@code title} only with a request, {@code reason} only with a rejection.
     */
    record SignOffNotice(String caseId, NoticeSignOff.Status action, String sha256, String title, String reason)
            implements CaseCommand {
    }

    /**
     * Delivery evidence (ADR 0017): {@code read == false}: the signed notice with {@code sha256}, signed from the
     * approved draft {@code draftSha256}, went out as file event {@code eventId}; {@code read == true}: the citizen
     * {@code reader} sent a read receipt for it at {@code readAt} ({@code draftSha256} is null then).
     */
    record RecordNoticeDelivery(String caseId, boolean read, String sha256, String draftSha256, String eventId,
            String reader, java.time.Instant readAt) implements CaseCommand {
    }

    /** What kind of reply went out. */
    enum ReplyKind {
        TEXT, POLL, FILE, TEMPLATE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static java.util.Optional<ReplyKind> fromWireName(String name) {
            for (ReplyKind kind : values()) {
                if (kind.wireName().equals(name)) {
                    return java.util.Optional.of(kind);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** The case IDs this command touches (empty for unit-wide commands). */
    default List<String> caseIds() {
        return switch (this) {
            case TypeCase c -> List.of(c.caseId());
            case ChangeStatus c -> List.of(c.caseId());
            case AssignCases c -> c.caseIds();
            case AddNote c -> List.of(c.caseId());
            case TagCase c -> List.of(c.caseId());
            case RecordReply c -> List.of(c.caseId());
            case SignOffNotice c -> List.of(c.caseId());
            case RecordNoticeDelivery c -> List.of(c.caseId());
            case TakeOver c -> List.of(c.caseId());
            case SetMember c -> List.of();
            case HandOver c -> List.of();
            case CreateCase c -> List.of();
            case ChangePolicy c -> List.of();
            case PublishTemplate c -> List.of();
            case PublishMacro c -> List.of();
        };
    }
}
