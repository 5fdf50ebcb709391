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
import java.io.IOException;
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
    private final String caseId;
    private volatile String insertedTemplate;

    public AttributedConversations(AgencyEngine agency, StaffClient staff, String caseId) {
        this.agency = agency;
        this.staff = staff;
        this.caseId = caseId;
    }

    /** The next text reply came from this template (the audit names it). */
    public void templateInserted(String templateId) {
        this.insertedTemplate = templateId;
    }

    @Override
    public List<TimelineEntry> timeline(String roomId) {
        return agency.timeline(roomId);
    }

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

    @Override
    public String senderName(String roomId, String userId) {
        return agency.senderName(roomId, userId);
    }

    @Override
    public void addListener(ConversationListener listener) {
        agency.addListener(listener);
    }

    @Override
    public void removeListener(ConversationListener listener) {
        agency.removeListener(listener);
    }
}
