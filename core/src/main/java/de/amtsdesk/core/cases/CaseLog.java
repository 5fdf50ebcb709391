package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditLog;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.CitizenActivity;
import de.amtsdesk.core.cases.log.FoldInput;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.cases.log.StaffMembership;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import de.amtsdesk.core.cases.templates.ReplyTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fold: applies staff-log events, staff-room state and citizen-room activity to a {@link CaseBook}, one input
 * at a time. Deterministic: the result depends only on the staff inputs in server order and on the set (not the
 * arrival order) of citizen-room activity, so every client of the unit computes the same cases, reference
 * numbers and audit trail. A staff event is either applied whole or rejected whole with an audit entry; no
 * input, however malformed, escapes as an exception.
 *
 * <p>Staff events are checked against staff-log state only (membership, power levels, whether the case exists
 * and is typed), never against citizen-room activity, because that arrives on another stream and two clients may
 * have seen different amounts of it when they fold the same staff event.
 */
public final class CaseLog {

    private static final Logger LOG = LoggerFactory.getLogger(CaseLog.class);
    static final String CITIZEN_MESSAGE = "citizen.message";
    static final String AGENCY_REPLY = "agency.reply";

    private final UnitConfig config;
    private final CaseBook book;
    private final AuditLog audit;
    private final List<CaseBookListener> listeners = new CopyOnWriteArrayList<>();

    public CaseLog(UnitConfig config, AuditLog audit) {
        this(config, new CaseBook(config.initialPolicy()), audit);
    }

    public CaseLog(UnitConfig config, CaseBook book, AuditLog audit) {
        this.config = Objects.requireNonNull(config, "config");
        this.book = Objects.requireNonNull(book, "book");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public CaseBook book() {
        return book;
    }

    public void addListener(CaseBookListener listener) {
        listeners.add(listener);
    }

    /** Folds inputs in the given order (staff events must be in server order). */
    public void applyAll(Iterable<? extends FoldInput> inputs) {
        for (FoldInput input : inputs) {
            apply(input);
        }
    }

    public FoldResult apply(FoldInput input) {
        List<Runnable> notifications = new ArrayList<>();
        FoldResult result;
        book.lockForWrite();
        try {
            if (!book.markSeen(input.eventId())) {
                return FoldResult.duplicate();
            }
            result = switch (input) {
                case StaffEvent event -> applyStaffEvent(event, notifications);
                case StaffMembership membership -> applyMembership(membership, notifications);
                case StaffPowerLevels levels -> applyPowerLevels(levels, notifications);
                case CitizenActivity activity -> applyActivity(activity, notifications);
            };
        } finally {
            book.unlockWrite();
        }
        // Outside the lock, so a listener that reads the book (a view model refreshing) cannot deadlock.
        notifications.forEach(Runnable::run);
        return result;
    }

    // ---- staff events ----

    private FoldResult applyStaffEvent(StaffEvent event, List<Runnable> notifications) {
        long order = book.nextStaffOrder(event.eventId());
        List<String> named = List.of();
        try {
            permissions().requireMember(event.sender());
            CaseCommand command = StaffEventParser.parse(event);
            named = command.caseIds();
            return execute(command, event, order, notifications);
        } catch (InvalidStaffEvent invalid) {
            return reject(event, named.isEmpty() ? bestEffortCaseId(event) : named, invalid.rejection(),
                    invalid.getMessage(), notifications);
        } catch (RuntimeException bug) {
            LOG.warn("case fold failed on {} {}; event ignored", event.type(), event.eventId(), bug);
            return reject(event, named, Rejection.INTERNAL_ERROR, bug.getClass().getSimpleName(), notifications);
        }
    }

    private FoldResult execute(CaseCommand command, StaffEvent event, long order, List<Runnable> notifications)
            throws InvalidStaffEvent {
        return switch (command) {
            case CaseCommand.CreateCase c -> create(c, event, order, notifications);
            case CaseCommand.TypeCase c -> retype(c, event, order, notifications);
            case CaseCommand.ChangeStatus c -> changeStatus(c, event, order, notifications);
            case CaseCommand.AssignCases c -> assign(c, event, notifications);
            case CaseCommand.AddNote c -> addNote(c, event, notifications);
            case CaseCommand.TagCase c -> tag(c, event, notifications);
            case CaseCommand.ChangePolicy c -> changePolicy(c, event, notifications);
            case CaseCommand.PublishTemplate c -> publishTemplate(c, event, notifications);
            case CaseCommand.PublishMacro c -> publishMacro(c, event, notifications);
            case CaseCommand.RecordReply c -> recordReply(c, event, notifications);
            case CaseCommand.SetMember c -> setMember(c, event, notifications);
            case CaseCommand.HandOver c -> handOver(c, event, notifications);
            case CaseCommand.TakeOver c -> takeOver(c, event, notifications);
            case CaseCommand.SignOffNotice c -> signOffNotice(c, event, notifications);
            case CaseCommand.RecordNoticeDelivery c -> recordNoticeDelivery(c, event, notifications);
        };
    }

    private FoldResult create(CaseCommand.CreateCase command, StaffEvent event, long order,
            List<Runnable> notifications) throws InvalidStaffEvent {
        permissions().require(event.sender(), StaffEventTypes.CREATED, Permissions.MEMBER_LEVEL);
        String existing = book.caseIdForRoom(command.roomId());
        if (existing != null) {
            throw new InvalidStaffEvent(Rejection.DUPLICATE_ROOM, command.roomId() + " already has case " + existing);
        }
        UnitPolicy policy = book.currentPolicy();
        int year = event.serverTime().atZone(policy.sla().calendar().zone()).getYear();
        CaseBook.ReferenceAllocation reference = book.nextReference(policy.referencePattern(), policy.unitCode(), year);
        List<Moment> moments = new ArrayList<>(book.pendingMoments(command.roomId()));
        moments.add(new Moment(event.serverTime(), Moment.Kind.OPENED, null, order));
        Case created = Case.opened(event.eventId(), command.roomId(), command.citizenId(), command.citizenName(),
                reference.reference(), event.serverTime(), event.sender(), CaseTimeline.of(moments), policy.sla());
        book.take(reference);
        book.dropPendingMoments(command.roomId());
        return commit(event, null, created, notifications);
    }

    private FoldResult retype(CaseCommand.TypeCase command, StaffEvent event, long order,
            List<Runnable> notifications) throws InvalidStaffEvent {
        Case before = existing(command.caseId());
        permissions().require(event.sender(), StaffEventTypes.TYPED, Permissions.MEMBER_LEVEL);
        Case typed = before.withType(command.type());
        Moment moment = new Moment(staffTime(before, event), Moment.Kind.TYPED, null, order);
        return commit(event, before, typed.derive(typed.timeline().with(moment), book.currentPolicy().sla()),
                notifications);
    }

    private FoldResult changeStatus(CaseCommand.ChangeStatus command, StaffEvent event, long order,
            List<Runnable> notifications) throws InvalidStaffEvent {
        Case before = existing(command.caseId());
        permissions().require(event.sender(), StaffEventTypes.STATUS, Permissions.MEMBER_LEVEL);
        permissions().requireAssigneeOrLead(event.sender(), before);
        if (command.status() != CaseStatus.CLOSED && !before.isTyped()) {
            throw new InvalidStaffEvent(Rejection.INVALID_TRANSITION,
                    "a case needs a type before it can be " + command.status().wireName());
        }
        Moment moment = new Moment(staffTime(before, event), Moment.Kind.STATUS, command.status(), order);
        return commit(event, before, before.derive(before.timeline().with(moment), book.currentPolicy().sla()),
                notifications);
    }

    /** All named cases must exist; see {@link Permissions#requireMayAssign} for who may assign. */
    private FoldResult assign(CaseCommand.AssignCases command, StaffEvent event, List<Runnable> notifications)
            throws InvalidStaffEvent {
        List<Case> before = new ArrayList<>();
        for (String caseId : command.caseIds()) {
            before.add(existing(caseId));
        }
        permissions().requireMayAssign(event.sender(), command, before.getFirst());
        String assignee = command.assignee();
        List<Case> after = before.stream().map(c -> c.withAssignee(assignee)).toList();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            commit(event, before.get(i), after.get(i), notifications);
            ids.add(after.get(i).id());
        }
        return FoldResult.applied(ids);
    }

    private FoldResult addNote(CaseCommand.AddNote command, StaffEvent event, List<Runnable> notifications)
            throws InvalidStaffEvent {
        Case before = existing(command.caseId());
        permissions().require(event.sender(), StaffEventTypes.NOTE, Permissions.MEMBER_LEVEL);
        Note note = new Note(event.eventId(), event.sender(), event.serverTime(), command.text());
        return commit(event, before, before.withNote(note), notifications);
    }

    /**
     * "Reply sent by the sender" (ADR 0011): an audit entry only. The actor is the staff event's sender, the only
     * trustworthy name (the homeserver signs it); nothing in the content names a person. The case's clocks are not
     * touched: the reply itself reaches the fold as the functional account's message in the citizen room (an agency
     * answer), which is what meets the first and next response; counting the attribution too would count twice.
     */
    private FoldResult recordReply(CaseCommand.RecordReply command, StaffEvent event, List<Runnable> notifications)
            throws InvalidStaffEvent {
        Case c = existing(command.caseId());
        permissions().require(event.sender(), StaffEventTypes.REPLIED, Permissions.MEMBER_LEVEL);
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("reply.kind", null, command.kind().wireName()));
        if (command.eventId() != null) {
            changes.add(new FieldChange("reply.event", null, command.eventId()));
        } else {
            changes.add(new FieldChange("reply.txn", null, command.transactionId()));
        }
        if (command.templateId() != null) {
            changes.add(new FieldChange("reply.template", null, command.templateId()));
        }
        changes.add(new FieldChange("reply.sha256", null, command.bodySha256()));
        record(event, c.id(), AuditEntry.Outcome.APPLIED, null, null, changes);
        // The case is unchanged, so no caseChanged: without this a shown audit trail would miss the reply.
        notifications.add(() -> listeners.forEach(l -> l.auditRecorded(c.id())));
        return FoldResult.applied(List.of(c.id()));
    }

    private FoldResult tag(CaseCommand.TagCase command, StaffEvent event, List<Runnable> notifications)
            throws InvalidStaffEvent {
        Case before = existing(command.caseId());
        permissions().require(event.sender(), StaffEventTypes.TAGGED, Permissions.MEMBER_LEVEL);
        TreeSet<String> tags = new TreeSet<>(before.tags());
        tags.addAll(command.add());
        tags.removeAll(command.remove());
        if (tags.size() > 50) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "a case carries at most 50 tags");
        }
        return commit(event, before, before.withTags(tags), notifications);
    }

    private FoldResult changePolicy(CaseCommand.ChangePolicy command, StaffEvent event, List<Runnable> notifications)
            throws InvalidStaffEvent {
        permissions().requireLead(event.sender(), StaffEventTypes.POLICY);
        UnitPolicy before = book.currentPolicy();
        UnitPolicy after = command.applyTo(before);
        List<Case> rederived = new ArrayList<>();
        if (!after.sla().equals(before.sla())) {
            for (Case c : book.allCases()) {
                rederived.add(c.derive(c.timeline(), after.sla()));
            }
        }
        book.setPolicy(after);
        rederived.forEach(book::putCase);
        record(event, null, AuditEntry.Outcome.APPLIED, null, null, policyChanges(before, after));
        notifications.add(() -> listeners.forEach(l -> l.policyChanged(after)));
        return FoldResult.applied(rederived.stream().map(Case::id).toList());
    }

    private FoldResult publishTemplate(CaseCommand.PublishTemplate command, StaffEvent event,
            List<Runnable> notifications) throws InvalidStaffEvent {
        permissions().requireLead(event.sender(), StaffEventTypes.TEMPLATE);
        ReplyTemplate template = command.template();
        var current = book.currentTemplates().current(template.id(), template.language());
        if (!book.currentTemplates().accepts(template)) {
            throw new InvalidStaffEvent(Rejection.STALE_TEMPLATE_VERSION, template.id() + "/" + template.language()
                    + " v" + template.version() + " is not newer than v" + current.orElseThrow().version());
        }
        book.setTemplates(book.currentTemplates().with(template));
        String name = "template." + template.id() + "." + template.language();
        record(event, null, AuditEntry.Outcome.APPLIED, null, null, List.of(new FieldChange(name,
                current.map(t -> "v" + t.version()).orElse(null),
                "v" + template.version() + (template.retired() ? " (retired)" : ""))));
        notifications.add(() -> listeners.forEach(l -> l.templatePublished(template)));
        return FoldResult.applied(List.of());
    }

    /** Like templates: leads only, newest version per id and language wins, an equal or older one is stale. */
    private FoldResult publishMacro(CaseCommand.PublishMacro command, StaffEvent event, List<Runnable> notifications)
            throws InvalidStaffEvent {
        permissions().requireLead(event.sender(), StaffEventTypes.MACRO);
        Macro macro = command.macro();
        var current = book.currentMacros().current(macro.id(), macro.language());
        if (!book.currentMacros().accepts(macro)) {
            throw new InvalidStaffEvent(Rejection.STALE_MACRO_VERSION, macro.id() + "/" + macro.language()
                    + " v" + macro.version() + " is not newer than v" + current.orElseThrow().version());
        }
        book.setMacros(book.currentMacros().with(macro));
        String name = "macro." + macro.id() + "." + macro.language();
        record(event, null, AuditEntry.Outcome.APPLIED, null, null, List.of(new FieldChange(name,
                current.map(m -> "v" + m.version()).orElse(null),
                "v" + macro.version() + (macro.retired() ? " (retired)" : ""))));
        notifications.add(() -> listeners.forEach(l -> l.macroPublished(macro)));
        return FoldResult.applied(List.of());
    }

    // ---- the unit: capacity, competence, absence, handover, take-over (ADR 0014) ----

    private FoldResult setMember(CaseCommand.SetMember command, StaffEvent event, List<Runnable> notifications)
            throws InvalidStaffEvent {
        Permissions permissions = permissions();
        permissions.requireLead(event.sender(), StaffEventTypes.MEMBER);
        UnitMember after = command.member();
        permissions.requireInRoom(after.userId());
        if (after.deputy() != null) {
            permissions.requireDeputy(after.deputy(), book.currentRoster());
        }
        UnitMember before = book.currentRoster().member(after.userId());
        book.setRoster(book.currentRoster().with(after));
        record(event, null, AuditEntry.Outcome.APPLIED, null, null, UnitMemberDiff.between(before, after));
        UnitRoster roster = book.currentRoster();
        notifications.add(() -> listeners.forEach(l -> l.rosterChanged(roster)));
        return FoldResult.applied(List.of());
    }

    /**
     * Absent + every open case to the deputy, as one event: all cases are checked before any changes, and the
     * set moved is what the member holds at this point of the log, so a case assigned to them while the lead was
     * deciding moves too (the same on every client).
     */
    private FoldResult handOver(CaseCommand.HandOver command, StaffEvent event, List<Runnable> notifications)
            throws InvalidStaffEvent {
        Permissions permissions = permissions();
        permissions.requireLead(event.sender(), StaffEventTypes.HANDOVER);
        List<Case> held = new ArrayList<>();
        for (Case c : book.allCases()) {
            if (c.isAssignedTo(command.userId()) && !c.isClosed()) {
                held.add(c);
            }
        }
        // Someone who already left the unit can still have cases to hand over; otherwise they must be a member.
        if (held.isEmpty()) {
            permissions.requireInRoom(command.userId());
        }
        permissions.requireInRoom(command.deputy());
        permissions.requireDeputy(command.deputy(), book.currentRoster());
        UnitMember before = book.currentRoster().member(command.userId());
        UnitMember after = before.absentWith(command.deputy());
        book.setRoster(book.currentRoster().with(after));
        List<FieldChange> changes = new ArrayList<>(UnitMemberDiff.between(before, after));
        changes.add(new FieldChange("handover", command.userId(), command.deputy()));
        changes.add(new FieldChange("handover.cases", null, String.join(",", held.stream().map(Case::id).toList())));
        record(event, null, AuditEntry.Outcome.APPLIED, null, null, changes);
        List<String> ids = new ArrayList<>();
        for (Case c : held) {
            commit(event, c, c.withAssignee(command.deputy()), notifications);
            ids.add(c.id());
        }
        UnitRoster roster = book.currentRoster();
        notifications.add(() -> listeners.forEach(l -> l.rosterChanged(roster)));
        return FoldResult.applied(ids);
    }

    private FoldResult takeOver(CaseCommand.TakeOver command, StaffEvent event, List<Runnable> notifications)
            throws InvalidStaffEvent {
        Case before = existing(command.caseId());
        permissions().requireMayTakeOver(event.sender(), command, before);
        return commit(event, before, before.withAssignee(event.sender()), notifications);
    }

    // ---- staff-room state ----

    private FoldResult applyMembership(StaffMembership membership, List<Runnable> notifications) {
        book.nextStaffOrder(membership.eventId());
        StaffRoom before = book.currentStaffRoom();
        boolean wasMember = before.isMember(membership.userId());
        StaffRoom after = before.withMember(membership.userId(), membership.displayName(), membership.joined());
        if (after.equals(before)) {
            return FoldResult.unchanged();
        }
        book.setStaffRoom(after);
        if (wasMember != membership.joined()) {
            audit.append(new AuditEntry(0, membership.eventId(), membership.serverTime(), membership.userId(), null,
                    "m.room.member", AuditEntry.Outcome.APPLIED, null, null, List.of(new FieldChange("member",
                    wasMember ? "joined" : null, membership.joined() ? "joined" : null))));
        }
        notifications.add(() -> listeners.forEach(l -> l.staffRoomChanged(after)));
        return FoldResult.applied(List.of());
    }

    private FoldResult applyPowerLevels(StaffPowerLevels levels, List<Runnable> notifications) {
        book.nextStaffOrder(levels.eventId());
        StaffRoom before = book.currentStaffRoom();
        StaffRoom after = before.withPowerLevels(levels.levels());
        book.setStaffRoom(after);
        audit.append(new AuditEntry(0, levels.eventId(), levels.serverTime(), levels.sender(), null,
                "m.room.power_levels", AuditEntry.Outcome.APPLIED, null, null, List.of(new FieldChange(
                "powerLevels", new java.util.TreeMap<>(before.powerLevels().users()).toString(),
                new java.util.TreeMap<>(levels.levels().users()).toString()))));
        notifications.add(() -> listeners.forEach(l -> l.staffRoomChanged(after)));
        return FoldResult.applied(List.of());
    }

    // ---- citizen rooms ----

    /**
     * Citizen-room activity changes only derived state (status reopen, SLA clocks). For a room whose case is not
     * folded yet it waits in the book until the case's created event arrives.
     */
    private FoldResult applyActivity(CitizenActivity activity, List<Runnable> notifications) {
        Moment.Kind kind = activity.direction() == CitizenActivity.Direction.FROM_CITIZEN
                ? Moment.Kind.CITIZEN_MESSAGE : Moment.Kind.AGENCY_REPLY;
        Moment moment = new Moment(activity.serverTime(), kind, null, 0);
        String caseId = book.caseIdForRoom(activity.roomId());
        if (caseId == null) {
            book.addPendingMoment(activity.roomId(), moment);
            return FoldResult.unchanged();
        }
        Case before = book.caseOrNull(caseId);
        Case after = before.derive(before.timeline().with(moment), book.currentPolicy().sla());
        book.putCase(after);
        notifications.add(() -> listeners.forEach(l -> l.caseChanged(before, after)));
        if (before.status() == after.status()) {
            return FoldResult.unchanged();
        }
        audit.append(new AuditEntry(0, activity.eventId(), activity.serverTime(), activity.sender(), caseId,
                kind == Moment.Kind.CITIZEN_MESSAGE ? CITIZEN_MESSAGE : AGENCY_REPLY, AuditEntry.Outcome.APPLIED,
                null, null, List.of(new FieldChange("status", before.status().wireName(), after.status().wireName()))));
        return FoldResult.applied(List.of(caseId));
    }

    // ---- helpers ----

    private Case existing(String caseId) throws InvalidStaffEvent {
        Case found = book.caseOrNull(caseId);
        if (found == null) {
            throw new InvalidStaffEvent(Rejection.UNKNOWN_CASE, "no case " + caseId
                    + " (never created, or this event came before its created event)");
        }
        return found;
    }

    private Permissions permissions() {
        return new Permissions(book.currentStaffRoom(), book.currentPolicy(), config.leadLevel());
    }

    /** Never earlier than the case's previous staff moment, so a lagging server clock cannot reorder staff changes. */
    private static Instant staffTime(Case c, StaffEvent event) {
        Instant last = c.timeline().lastStaffAt();
        return event.serverTime().isBefore(last) ? last : event.serverTime();
    }

    /**
     * Mitzeichnung (ADR 0017). A request records who drafted the notice with that hash; an approval or rejection
     * must come from another member, for a hash requested in this case and not yet decided. The sender is the
     * event's sender (signed by the homeserver), so nobody can approve in someone else's name. The case itself
     * does not change; the sign-off state and the audit entry do.
     */
    private FoldResult signOffNotice(CaseCommand.SignOffNotice command, StaffEvent event,
            List<Runnable> notifications) throws InvalidStaffEvent {
        Case c = existing(command.caseId());
        permissions().require(event.sender(), StaffEventTypes.NOTICE_SIGNOFF, Permissions.MEMBER_LEVEL);
        NoticeSignOff current = book.signOffOrNull(c.id(), command.sha256());
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("notice.sha256", null, command.sha256()));
        if (command.action() == NoticeSignOff.Status.REQUESTED) {
            if (current != null && current.status() != NoticeSignOff.Status.REJECTED) {
                throw new InvalidStaffEvent(Rejection.SIGN_OFF_ALREADY_DECIDED, "sign-off of " + command.sha256()
                        + " was already " + current.status().wireName() + " by " + current.requestedBy());
            }
            book.putSignOff(NoticeSignOff.requested(c.id(), command.sha256(), command.title(), event.sender(),
                    event.serverTime()));
            changes.add(new FieldChange("notice.signoff", null, "requested"));
        } else {
            if (current == null) {
                throw new InvalidStaffEvent(Rejection.UNKNOWN_NOTICE_DRAFT,
                        "no sign-off was requested for notice " + command.sha256() + " in this case");
            }
            if (current.requestedBy().equals(event.sender())) {
                throw new InvalidStaffEvent(Rejection.SELF_APPROVAL, event.sender()
                        + " drafted notice " + command.sha256() + " and cannot sign it off themselves");
            }
            if (current.status() != NoticeSignOff.Status.REQUESTED) {
                throw new InvalidStaffEvent(Rejection.SIGN_OFF_ALREADY_DECIDED, "notice " + command.sha256()
                        + " was already " + current.status().wireName() + " by " + current.decidedBy());
            }
            book.putSignOff(current.decided(command.action(), event.sender(), event.serverTime(), command.reason()));
            changes.add(new FieldChange("notice.signoff", "requested", command.action().wireName()));
            if (command.reason() != null) {
                changes.add(new FieldChange("notice.reason", null, command.reason()));
            }
        }
        record(event, c.id(), AuditEntry.Outcome.APPLIED, null, null, changes);
        notifications.add(() -> listeners.forEach(l -> l.auditRecorded(c.id())));
        return FoldResult.applied(List.of(c.id()));
    }

    /**
     * Delivery evidence (ADR 0017). {@code sent}: only for a draft a second member approved in this case, once per
     * file event. {@code read}: only for a recorded delivery, only naming the case's citizen, once. The case record
     * does not change; the evidence and the audit entry do.
     */
    private FoldResult recordNoticeDelivery(CaseCommand.RecordNoticeDelivery command, StaffEvent event,
            List<Runnable> notifications) throws InvalidStaffEvent {
        Case c = existing(command.caseId());
        permissions().require(event.sender(), StaffEventTypes.NOTICE_DELIVERED, Permissions.MEMBER_LEVEL);
        NoticeDelivery current = book.deliveryOrNull(c.id(), command.eventId());
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("notice.sha256", null, command.sha256()));
        changes.add(new FieldChange("notice.event", null, command.eventId()));
        if (!command.read()) {
            if (current != null) {
                throw new InvalidStaffEvent(Rejection.DELIVERY_ALREADY_RECORDED, "the file event "
                        + command.eventId() + " was already recorded as notice " + current.sha256());
            }
            NoticeSignOff signOff = book.signOffOrNull(c.id(), command.draftSha256());
            if (signOff == null || !signOff.approved()) {
                throw new InvalidStaffEvent(Rejection.NOTICE_NOT_APPROVED, "the draft " + command.draftSha256()
                        + " has no approved sign-off in this case");
            }
            book.putDelivery(NoticeDelivery.sent(c.id(), command.sha256(), command.draftSha256(), command.eventId(),
                    event.sender(), event.serverTime()));
            changes.add(new FieldChange("notice.draft", null, command.draftSha256()));
            changes.add(new FieldChange("notice.delivery", null, "sent"));
        } else {
            if (current == null || !current.sha256().equals(command.sha256())) {
                throw new InvalidStaffEvent(Rejection.UNKNOWN_NOTICE_DELIVERY, "no notice " + command.sha256()
                        + " was recorded as sent in file event " + command.eventId());
            }
            if (!command.reader().equals(c.citizenId())) {
                throw new InvalidStaffEvent(Rejection.UNKNOWN_NOTICE_DELIVERY, command.reader()
                        + " is not the citizen of this case");
            }
            if (current.isRead()) {
                throw new InvalidStaffEvent(Rejection.DELIVERY_ALREADY_RECORDED, "the read receipt of "
                        + command.eventId() + " was already recorded");
            }
            book.putDelivery(current.read(command.reader(), command.readAt()));
            changes.add(new FieldChange("notice.delivery", "sent", "read"));
            changes.add(new FieldChange("notice.readBy", null, command.reader()));
            changes.add(new FieldChange("notice.readAt", null, command.readAt().toString()));
        }
        record(event, c.id(), AuditEntry.Outcome.APPLIED, null, null, changes);
        notifications.add(() -> listeners.forEach(l -> l.auditRecorded(c.id())));
        return FoldResult.applied(List.of(c.id()));
    }

    private FoldResult commit(StaffEvent event, Case before, Case after, List<Runnable> notifications) {
        book.putCase(after);
        record(event, after.id(), AuditEntry.Outcome.APPLIED, null, null, CaseDiff.between(before, after));
        notifications.add(() -> listeners.forEach(l -> l.caseChanged(before, after)));
        return FoldResult.applied(List.of(after.id()));
    }

    /**
     * Audits the refusal for every case named; the cases stay as they were, so {@code auditRecorded} tells an open
     * case's audit trail (and whoever sent the change) that the refusal is there.
     */
    private FoldResult reject(StaffEvent event, List<String> caseIds, Rejection rejection, String detail,
            List<Runnable> notifications) {
        if (caseIds.isEmpty()) {
            record(event, null, AuditEntry.Outcome.REJECTED, rejection, detail, List.of());
        }
        for (String caseId : caseIds) {
            record(event, caseId, AuditEntry.Outcome.REJECTED, rejection, detail, List.of());
            if (book.find(caseId).isPresent()) {
                notifications.add(() -> listeners.forEach(l -> l.auditRecorded(caseId)));
            }
        }
        return FoldResult.rejected(rejection, detail, caseIds);
    }

    private void record(StaffEvent event, String caseId, AuditEntry.Outcome outcome, Rejection rejection,
            String detail, List<FieldChange> changes) {
        audit.append(new AuditEntry(0, event.eventId(), event.serverTime(), event.sender(), caseId, event.type(),
                outcome, rejection, detail, changes));
    }

    /** For an event we could not parse, the case it seems to be about, so the rejection shows up under that case. */
    private static List<String> bestEffortCaseId(StaffEvent event) {
        var node = event.content() == null ? null : event.content().get("case");
        return node != null && node.isTextual() && node.asText().length() <= 255 ? List.of(node.asText()) : List.of();
    }

    /** One line for the audit trail: "Stadt Musterstadt – Bürgeramt, Rathausplatz 1, 12345 Musterstadt". */
    private static String letterheadText(UnitLetterhead letterhead) {
        return letterhead.isEmpty() ? "" : String.join(", ", java.util.stream.Stream.concat(
                java.util.stream.Stream.of(letterhead.name()), letterhead.lines().stream()).toList());
    }

    private static List<FieldChange> policyChanges(UnitPolicy before, UnitPolicy after) {
        List<FieldChange> changes = new ArrayList<>();
        CaseDiff.add(changes, "unit", before.unitCode(), after.unitCode());
        CaseDiff.add(changes, "referencePattern", before.referencePattern().pattern(), after.referencePattern().pattern());
        CaseDiff.add(changes, "takeUnassigned", String.valueOf(before.takeUnassigned()), String.valueOf(after.takeUnassigned()));
        CaseDiff.add(changes, "autoJoin", String.valueOf(before.autoJoin()), String.valueOf(after.autoJoin()));
        CaseDiff.add(changes, "contact", before.contact(), after.contact());
        CaseDiff.add(changes, "letterhead", letterheadText(before.letterhead()), letterheadText(after.letterhead()));
        if (!before.sla().equals(after.sla())) {
            changes.add(new FieldChange("sla", "previous", "changed"));
        }
        return changes;
    }
}
