package de.amtsdesk.app.workspace;

import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.ConversationListener;
import de.amtsdesk.core.conversation.Conversations;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.conversation.PollTally;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.staff.CaseworkerReplies;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.Note;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The conversation screen's {@link Conversations} for one case: everything reads from the agency account's engine,
 * but a reply (text, poll, file) goes through {@link CaseworkerReplies}, so it leaves from the agency account and the
 * staff log records which caseworker sent it.
 */
public final class AttributedConversations implements Conversations {

    private final AgencyEngine agency;
    private final StaffClient staff;
    private final CaseDesk desk;
    private final AuditTexts audit;
    private final String caseId;
    private final java.util.Map<ConversationListener, CaseBookListener> caseListeners =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String insertedTemplate;

    public AttributedConversations(AgencyEngine agency, StaffClient staff, CaseDesk desk, AuditTexts audit,
            String caseId) {
        this.agency = agency;
        this.staff = staff;
        this.desk = desk;
        this.audit = audit;
        this.caseId = caseId;
    }

    /** The next text reply came from this template (the audit names it). */
    public void templateInserted(String templateId) {
        this.insertedTemplate = templateId;
    }

    /**
     * The citizen room's timeline with the case's internal notes and changes (type, status, assignee) woven in at
     * their time; the citizen's and the agency's lines keep their server order.
     */
    @Override
    public List<TimelineEntry> timeline(String roomId) {
        List<TimelineEntry> citizenRoom = agency.timeline(roomId);
        List<TimelineEntry> internal = internalEntries(roomId);
        if (internal.isEmpty()) {
            return citizenRoom;
        }
        List<TimelineEntry> merged = new ArrayList<>(citizenRoom.size() + internal.size());
        int next = 0;
        for (TimelineEntry entry : citizenRoom) {
            while (next < internal.size() && internal.get(next).timestamp().isBefore(entry.timestamp())) {
                merged.add(internal.get(next++));
            }
            merged.add(entry);
        }
        merged.addAll(internal.subList(next, internal.size()));
        return merged;
    }

    private List<TimelineEntry> internalEntries(String roomId) {
        Optional<Case> found = desk.book().find(caseId);
        if (found.isEmpty()) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (Note note : found.get().notes()) {
            entries.add(new TimelineEntry(note.eventId(), roomId, note.author(), note.at(),
                    TimelineEntry.Kind.INTERNAL_NOTE, note.text(), null, null, null, null, null));
        }
        var room = desk.book().staffRoom();
        for (AuditEntry entry : desk.audit(caseId)) {
            if (entry.applied() && CHANGES.contains(entry.action())) {
                entries.add(new TimelineEntry("audit:" + entry.eventId(), roomId, entry.actor(), entry.at(),
                        TimelineEntry.Kind.CASE_CHANGE, audit.describe(entry, room::displayName), null, null, null,
                        null, null));
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::timestamp));
        return entries;
    }

    private static final java.util.Set<String> CHANGES = java.util.Set.of(StaffEventTypes.TYPED,
            StaffEventTypes.STATUS, StaffEventTypes.ASSIGNED);

    @Override
    public String sendText(String roomId, String body) {
        String template = insertedTemplate;
        insertedTemplate = null;
        return CaseworkerReplies.send(staff, agency, caseId, body, Optional.ofNullable(template));
    }

    @Override
    public String sendFile(String roomId, Path file) throws IOException {
        return CaseworkerReplies.sendFile(staff, agency, caseId, file);
    }

    @Override
    public String sendPoll(String roomId, String question, List<String> answers) {
        return CaseworkerReplies.sendPoll(staff, agency, caseId, question, answers);
    }

    @Override
    public String sendPoll(String roomId, PollDraft draft) {
        return CaseworkerReplies.sendPoll(staff, agency, caseId, draft);
    }

    @Override
    public void retry(String transactionId) {
        agency.retry(transactionId);
    }

    @Override
    public int loadOlder(String roomId) throws MatrixException {
        return agency.loadOlder(roomId);
    }

    @Override
    public boolean isEncrypted(String roomId) {
        return agency.isEncrypted(roomId);
    }

    @Override
    public Optional<String> discard(String transactionId) {
        return agency.discard(transactionId);
    }

    @Override
    public String saveAttachment(Attachment attachment, Path target) throws MatrixException, IOException {
        return agency.saveAttachment(attachment, target);
    }

    @Override
    public PollTally.Result pollResult(String roomId, String pollStartEventId) {
        return agency.pollResult(roomId, pollStartEventId);
    }

    @Override
    public void markRead(String roomId, String eventId) {
        agency.markRead(roomId, eventId);
    }

    /** Staff members by their name in the staff room (internal lines), everyone else as the citizen room says. */
    @Override
    public String senderName(String roomId, String userId) {
        var room = desk.book().staffRoom();
        return room.isMember(userId) ? room.displayName(userId) : agency.senderName(roomId, userId);
    }

    @Override
    public void addListener(ConversationListener listener) {
        agency.addListener(listener);
        CaseBookListener onCase = new CaseBookListener() {
            @Override
            public void caseChanged(Case before, Case after) {
                if (after.id().equals(caseId)) {
                    listener.timelineChanged(after.roomId());
                }
            }
        };
        caseListeners.put(listener, onCase);
        desk.addListener(onCase);
    }

    @Override
    public void removeListener(ConversationListener listener) {
        agency.removeListener(listener);
        CaseBookListener onCase = caseListeners.remove(listener);
        if (onCase != null) {
            desk.removeListener(onCase);
        }
    }
}
