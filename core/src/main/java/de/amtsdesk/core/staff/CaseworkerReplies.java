package de.amtsdesk.core.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.EngineStore;
import de.amtsdesk.core.store.ReplyAttributionRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caseworker's reply to a citizen, in one call (ADR 0011): the reply goes out from the <em>functional</em>
 * account's engine (the citizen sees the agency, never the person), and the staff log records who sent it with a
 * {@code de.amtsdesk.case.replied} event from the caseworker's <em>personal</em> account, naming the reply's event ID
 * and a SHA-256 of its text (not the text).
 *
 * <p>The attribution is queued once the functional outbox has sent the reply and knows its event ID. Until then it
 * waits in the staff profile's store ({@code reply_attributions}), so it survives a lock or a restart; a reply
 * discarded from the outbox is never attributed. {@link StaffClient#followCitizenRooms} triggers
 * {@link #attributeSent} whenever the functional engine's outbox moves; call it yourself without that.
 */
public final class CaseworkerReplies {

    private static final Logger LOG = LoggerFactory.getLogger(CaseworkerReplies.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseworkerReplies() {
    }

    /**
     * Queues {@code text} to the case's citizen in the functional account's outbox and its attribution to the
     * caseworker {@code staff} signs in with.
     *
     * @param text       what the citizen gets (a template already rendered by {@code TemplateRenderer})
     * @param templateId the reply template the text came from, if any (kind {@code template}, else {@code text})
     * @return the functional outbox's transaction ID of the reply (e.g. for {@code AgencyEngine.retry})
     * @throws IllegalArgumentException when the case is not in {@code staff}'s book
     * @throws IllegalStateException    before {@code staff} may send into the staff room (nothing is queued then)
     */
    public static String send(StaffClient staff, AgencyEngine functional, String caseId, String text,
            Optional<String> templateId) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(templateId, "templateId");
        String room = roomOf(staff, caseId);
        String txn = functional.sendText(room, text);
        return attributeLater(staff, functional, caseId, txn, templateId.isPresent() ? "template" : "text",
                templateId.orElse(null));
    }

    /** As {@link #send}, for a poll ({@code AgencyEngine.sendPoll}); the hash covers the poll's text fallback. */
    public static String sendPoll(StaffClient staff, AgencyEngine functional, String caseId, String question,
            List<String> answers) {
        String room = roomOf(staff, caseId);
        String txn = functional.sendPoll(room, question, answers);
        return attributeLater(staff, functional, caseId, txn, "poll", null);
    }

    /**
     * As {@link #send}, for a poll as the caseworker composed it ({@code AgencyEngine.sendPoll(room, draft)}:
     * options, max selections, kind); the hash covers the poll's text fallback, the audit kind is {@code poll}.
     */
    public static String sendPoll(StaffClient staff, AgencyEngine functional, String caseId, PollDraft draft) {
        Objects.requireNonNull(draft, "draft");
        String room = roomOf(staff, caseId);
        String txn = functional.sendPoll(room, draft);
        return attributeLater(staff, functional, caseId, txn, "poll", null);
    }

    /** As {@link #send}, for a file ({@code AgencyEngine.sendFile}); the hash covers the file name it shows. */
    public static String sendFile(StaffClient staff, AgencyEngine functional, String caseId, Path file)
            throws IOException {
        String room = roomOf(staff, caseId);
        String txn = functional.sendFile(room, file);
        return attributeLater(staff, functional, caseId, txn, "file", null);
    }

    /**
     * Queues the {@code replied} staff event of every reply the functional outbox has sent since; forgets replies
     * that were discarded from it. Safe to call from any thread, at any time.
     *
     * @return how many attributions were queued
     */
    public static int attributeSent(StaffClient staff, AgencyEngine functional) {
        return staff.attributeSentReplies(functional);
    }

    /**
     * The text a reply's hash covers: the content's {@code body}, else its extensible-events text fallback (polls).
     */
    static String hashedText(String contentJson) {
        try {
            JsonNode content = JSON.readTree(contentJson);
            JsonNode body = content.get("body");
            if (body == null || !body.isTextual()) {
                body = content.get("org.matrix.msc1767.text");
            }
            return body != null && body.isTextual() ? body.asText() : contentJson;
        } catch (IOException e) {
            return contentJson;
        }
    }

    private static String roomOf(StaffClient staff, String caseId) {
        Case c = staff.book().find(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId
                + " in the staff log of " + staff.userId()));
        if (!staff.readyToSend()) {
            throw new IllegalStateException("the staff room is not joined and encrypted on this client yet: a reply"
                    + " now could not be attributed");
        }
        return c.roomId();
    }

    private static String attributeLater(StaffClient staff, AgencyEngine functional, String caseId, String txn,
            String kind, String templateId) {
        String contentJson = functional.outboxItem(txn).map(EngineStore.OutboxItem::contentJson)
                .orElseThrow(() -> new IllegalStateException("the reply " + txn + " left the outbox at once"));
        String sha256 = OutgoingStaffEvents.sha256Hex(hashedText(contentJson));
        ReplyAttributionRepository.of(staff.workstation().database()).add(txn, caseId, kind, templateId, sha256);
        LOG.info("reply {} for case {} queued ({})", txn, caseId, kind);
        attributeSent(staff, functional);
        return txn;
    }
}
