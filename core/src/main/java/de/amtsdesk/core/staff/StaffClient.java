package de.amtsdesk.core.staff;

import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.query.CaseQueries;
import de.amtsdesk.core.conversation.ConversationListener;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.EngineStore;
import de.amtsdesk.core.store.NoticeDeliveryRepository;
import de.amtsdesk.core.store.ReplyAttributionRepository;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.RoomSummary;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.matrix.SyncListener;
import de.amtsdesk.core.staff.presence.PresenceAnnouncer;
import de.amtsdesk.core.staff.presence.PresenceBoard;
import de.amtsdesk.core.staff.presence.PresenceEvents;
import de.amtsdesk.core.staff.presence.StaffPresence;
import de.amtsdesk.core.store.OutboxMessage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One staff member's view of the unit: an {@link AgencyEngine} on the member's <em>personal</em> account (its own
 * workstation profile, vault and crypto store) and the {@link StaffLogFold} over the staff room it syncs, plus the
 * citizen rooms of the functional account when this workstation has them.
 *
 * <p>A change is sent, never applied directly: {@link #send} queues the event built by
 * {@link OutgoingStaffEvents} in the engine's outbox, which encrypts it for the staff room; it takes effect on
 * this client when it comes back by sync, in server order, exactly as on every other client.
 */
public final class StaffClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StaffClient.class);
    private static final SyncListener QUIET = rooms -> { };

    private final Workstation workstation;
    private final AgencyEngine engine;
    private final StaffLogFold fold;
    private final PresenceBoard presence;
    private final PresenceAnnouncer announcer = new PresenceAnnouncer(java.time.Clock.systemUTC());
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Who invited this member to the staff room: the one whose room history it accepts (ADR 0015). */
    private volatile String inviter;
    private final java.util.function.BiConsumer<String, String> bundleListener = this::bundleArrived;

    private record Registration(AgencyEngine engine, ConversationListener listener) {
    }

    private StaffClient(Workstation workstation, AgencyEngine engine, StaffLogFold fold) {
        this.workstation = workstation;
        this.engine = engine;
        this.fold = fold;
        this.presence = new PresenceBoard(java.time.Clock.systemUTC());
        fold.onPresence(presence::record);
        // With the engine's own sync loop running, the fold follows whenever the staff room's timeline changes.
        follow(engine, roomId -> roomId.equals(fold.staffRoomId()));
        // The staff log is folded from the room's creation: a member who joins later fetches all of it (ADR 0015),
        // and imports the history its inviter shared when that arrives.
        engine.wantWholeHistory(fold.staffRoomId());
        engine.addRoomKeyBundleListener(bundleListener);
    }

    /**
     * Opens the staff client on an unlocked, logged-in personal profile. Invitations are never joined
     * automatically (a personal account joins only its staff room, see {@link #joinStaffRoom()}).
     *
     * @param citizen the functional account's citizen rooms on this workstation, or null
     */
    public static StaffClient open(Workstation workstation, Session session, String staffRoomId, UnitConfig config,
            CitizenRooms citizen) {
        AgencyEngine engine = workstation.engine(session, QUIET, false);
        StaffLogFold fold = StaffLogFold.open(workstation.database(), staffRoomId, config, citizen);
        StaffClient client = new StaffClient(workstation, engine, fold);
        // Locking the workstation closes this client first, so the fold is saved while the database is open.
        workstation.attach(client);
        return client;
    }

    public String userId() {
        return engine.session().userId();
    }

    public String staffRoomId() {
        return fold.staffRoomId();
    }

    public AgencyEngine engine() {
        return engine;
    }

    public Workstation workstation() {
        return workstation;
    }

    public StaffLogFold fold() {
        return fold;
    }

    public CaseBook book() {
        return fold.book();
    }

    public CaseQueries queries() {
        return new CaseQueries(fold.book());
    }

    public H2AuditLog audit() {
        return fold.audit();
    }

    public List<SearchIndex.Hit> search(String query, int limit) {
        return fold.search(query, limit);
    }

    /**
     * Also folds when a citizen room of the functional account's engine on this workstation changes (its sync
     * loop stores new messages). Without this, {@link #catchUp()} or {@link #syncOnce} pick them up.
     */
    public void followCitizenRooms(AgencyEngine functionalEngine) {
        follow(functionalEngine, roomId -> true);
        // Replies sent through CaseworkerReplies get their staff-log attribution once the outbox names their event.
        ConversationListener attribution = roomId -> {
            try {
                CaseworkerReplies.attributeSent(this, functionalEngine);
            } catch (RuntimeException e) {
                LOG.warn("reply attribution after a change in {} failed: {}", roomId, e.getClass().getSimpleName());
            }
            try {
                NoticeSending.recordSent(this, functionalEngine);
            } catch (RuntimeException e) {
                LOG.warn("notice evidence after a change in {} failed: {}", roomId, e.getClass().getSimpleName());
            }
        };
        functionalEngine.addListener(attribution);
        registrations.add(new Registration(functionalEngine, attribution));
        // The citizen's read receipts for notices this caseworker sent become delivery evidence (ADR 0017).
        java.util.function.Consumer<List<de.amtsdesk.core.engine.ReadReceipt>> receipts = batch -> {
            try {
                NoticeSending.recordReceipts(this, functionalEngine, batch);
            } catch (RuntimeException e) {
                LOG.warn("notice read receipts failed: {}", e.getClass().getSimpleName());
            }
        };
        functionalEngine.addReceiptListener(receipts);
        receiptRegistrations.add(new ReceiptRegistration(functionalEngine, receipts));
    }

    private record ReceiptRegistration(AgencyEngine engine,
            java.util.function.Consumer<List<de.amtsdesk.core.engine.ReadReceipt>> listener) {
    }

    private final List<ReceiptRegistration> receiptRegistrations = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** See {@link NoticeSending#recordSent}. */
    int recordSentNotices(AgencyEngine functional) {
        synchronized (attributionLock) {
            if (closed || !readyToSend()) {
                return 0;
            }
            NoticeDeliveryRepository pending = NoticeDeliveryRepository.of(workstation.database());
            int queued = 0;
            for (NoticeDeliveryRepository.PendingDelivery notice : pending.unsent()) {
                Optional<EngineStore.OutboxItem> item = functional.outboxItem(notice.fileTxnId());
                if (item.isEmpty()) {
                    pending.remove(notice.fileTxnId()); // discarded: it never reached the citizen
                    continue;
                }
                if (item.get().state() != EngineStore.OutboxState.SENT || item.get().eventId() == null) {
                    continue;
                }
                String staffTxn = send(OutgoingStaffEvents.noticeSent(notice.caseId(), notice.pdfSha256(),
                        notice.draftSha256(), item.get().eventId()));
                pending.markSent(notice.fileTxnId(), item.get().eventId(), staffTxn);
                LOG.info("notice {} of case {} recorded as sent in {}", notice.pdfSha256(), notice.caseId(),
                        item.get().eventId());
                queued++;
            }
            return queued;
        }
    }

    /** See {@link NoticeSending#recordReceipts}. */
    int recordNoticeReceipts(AgencyEngine functional, List<de.amtsdesk.core.engine.ReadReceipt> receipts) {
        synchronized (attributionLock) {
            if (closed || !readyToSend() || receipts.isEmpty()) {
                return 0;
            }
            NoticeDeliveryRepository pending = NoticeDeliveryRepository.of(workstation.database());
            int queued = 0;
            for (NoticeDeliveryRepository.PendingDelivery notice : pending.awaitingReceipt()) {
                Optional<de.amtsdesk.core.cases.Case> c = book().find(notice.caseId());
                if (c.isEmpty() || notice.eventId() == null) {
                    continue;
                }
                for (de.amtsdesk.core.engine.ReadReceipt receipt : receipts) {
                    if (receipt.roomId().equals(c.get().roomId()) && receipt.userId().equals(c.get().citizenId())
                            && NoticeSending.covers(functional, receipt.roomId(), notice.eventId(),
                                    receipt.eventId())) {
                        String staffTxn = send(OutgoingStaffEvents.noticeRead(notice.caseId(), notice.pdfSha256(),
                                notice.eventId(), receipt.userId(), receipt.ts()));
                        pending.markRead(notice.fileTxnId(), staffTxn);
                        LOG.info("notice {} of case {} read by the citizen (receipt for {})", notice.pdfSha256(),
                                notice.caseId(), receipt.eventId());
                        queued++;
                        break;
                    }
                }
            }
            return queued;
        }
    }

    /** Serialises the attribution of sent replies (outbox and sync threads may both trigger it). */
    private final Object attributionLock = new Object();

    /** See {@link CaseworkerReplies#attributeSent}. */
    int attributeSentReplies(AgencyEngine functional) {
        synchronized (attributionLock) {
            if (closed || !readyToSend()) {
                return 0;
            }
            ReplyAttributionRepository pending = ReplyAttributionRepository.of(workstation.database());
            int queued = 0;
            for (ReplyAttributionRepository.PendingAttribution reply : pending.unattributed()) {
                Optional<EngineStore.OutboxItem> item = functional.outboxItem(reply.replyTxnId());
                if (item.isEmpty()) {
                    pending.remove(reply.replyTxnId()); // discarded: it never reached the citizen
                    continue;
                }
                if (item.get().state() != EngineStore.OutboxState.SENT || item.get().eventId() == null) {
                    continue;
                }
                String staffTxn = send(OutgoingStaffEvents.replied(reply.caseId(), item.get().eventId(), null,
                        reply.kind(), reply.templateId(), reply.bodySha256()));
                pending.markAttributed(reply.replyTxnId(), staffTxn);
                queued++;
            }
            return queued;
        }
    }


    private void follow(AgencyEngine source, java.util.function.Predicate<String> relevant) {
        ConversationListener listener = roomId -> {
            if (relevant.test(roomId)) {
                try {
                    fold.catchUp();
                } catch (RuntimeException e) {
                    LOG.warn("case fold after a change in {} failed: {}", roomId, e.getClass().getSimpleName());
                }
            }
        };
        source.addListener(listener);
        registrations.add(new Registration(source, listener));
    }

    /**
     * Makes this member's device able to receive the unit's history (and a lead's able to share it): a cross-signing
     * identity for the personal account, this device signed with it. Call once before being invited (the lead's
     * client sends the history only to cross-signed devices); {@link #joinStaffRoom()} and {@link #invite} do it too.
     *
     * @return whether this device is cross-signed
     */
    public boolean prepareForHistory() throws MatrixException {
        return engine.ensureCrossSigning();
    }

    /**
     * Accepts the invitation to the staff room, and imports the unit's history if the inviter's bundle has arrived
     * (otherwise when it does, see {@link #acceptHistory()}).
     */
    public void joinStaffRoom() throws MatrixException {
        engine.directory().inviterOf(staffRoomId()).ifPresent(who -> inviter = who);
        prepareForHistory();
        engine.client().joinRoom(engine.session(), staffRoomId());
        acceptHistory();
    }

    /**
     * Invites a staff member (leads only, enforced by the homeserver) and shares the unit's history with them: every
     * staff-room key this device holds goes to the invitee's cross-signed devices as an MSC4268 room key bundle, so
     * their case book starts from the unit's first event (ADR 0015).
     *
     * @return how many of the invitee's devices were sent the history (0: they have no cross-signed device yet; call
     *     {@link #shareHistoryWith} again once they have)
     */
    public int invite(String userId) throws MatrixException {
        prepareForHistory();
        StaffRoomSetup.invite(engine.client(), engine.session(), staffRoomId(), userId);
        return shareHistoryWith(userId);
    }

    /** Sends the unit's history (the staff room's keys this device holds) to a member again; see {@link #invite}. */
    public int shareHistoryWith(String userId) throws MatrixException {
        return engine.shareRoomHistory(staffRoomId(), userId);
    }

    /**
     * Imports the staff room's history from the member who invited this one, if it arrived; the fold then goes on
     * with the events that waited for those keys. Bundles from anyone else are ignored.
     *
     * @return the room keys that were new, or empty when there is no inviter known or no bundle from them yet
     */
    public Optional<Long> acceptHistory() throws MatrixException {
        Optional<String> from = inviter();
        if (from.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> imported = engine.acceptRoomHistory(staffRoomId(), from.get());
        if (imported.isPresent()) {
            fold.catchUp();
        }
        return imported;
    }

    /** Who invited this member: as the invite said, else from the stored staff room (the own invite event). */
    Optional<String> inviter() {
        if (inviter != null) {
            return Optional.of(inviter);
        }
        String me = userId();
        String found = null;
        for (EngineStore.StoredEvent event : engine.storedEvents(staffRoomId())) {
            if (event.type().equals("m.room.member") && event.rawJson() != null
                    && event.rawJson().contains("\"state_key\":\"" + me + "\"")
                    && event.contentJson() != null && event.contentJson().contains("\"membership\":\"invite\"")) {
                found = event.sender();
            }
        }
        if (found != null) {
            inviter = found;
        }
        return Optional.ofNullable(found);
    }

    private void bundleArrived(String roomId, String sender) {
        if (!roomId.equals(staffRoomId()) || closed) {
            return;
        }
        Optional<String> from = inviter();
        if (from.isEmpty()) {
            // It may come before the invite itself; the crypto store keeps it for joinStaffRoom().
            LOG.info("room key bundle for the staff room from {} kept until this member joins", sender);
            return;
        }
        if (!from.get().equals(sender)) {
            LOG.warn("ignoring a room key bundle for the staff room from {}, who did not invite this member", sender);
            return;
        }
        try {
            acceptHistory();
        } catch (MatrixException e) {
            LOG.warn("the unit's history from {} could not be imported: {}", sender, e.failure());
        }
    }

    /** Whether this client knows the staff room as joined and encrypted (only then does it send case events). */
    public boolean readyToSend() {
        return engine.directory().isEncrypted(staffRoomId()) && engine.directory().summaries().stream()
                .anyMatch(r -> r.roomId().equals(staffRoomId()) && r.membership() == RoomSummary.Membership.JOINED);
    }

    /**
     * Queues a case change for the staff room. It is sent encrypted by the outbox (at once by the engine's loop, or
     * by {@link #flush()}) and applied when it comes back by sync.
     *
     * @return the outbox transaction ID ({@link #eventIdOf} gives the event ID once sent)
     * @throws IllegalStateException before this client has seen the staff room joined and encrypted: a case event
     *                               must never go out unencrypted
     */
    public String send(OutgoingStaffEvents.Outgoing change) {
        Objects.requireNonNull(change, "change");
        return sendRaw(change.type(), change.content().toString());
    }

    /** As {@link #send}, for content built elsewhere (tools, tests of bad input). */
    public String sendRaw(String type, String contentJson) {
        if (!engine.directory().isEncrypted(staffRoomId())) {
            throw new IllegalStateException("the staff room " + staffRoomId()
                    + " is not known as encrypted on this client yet; sync first");
        }
        return engine.sendEvent(staffRoomId(), type, contentJson);
    }

    /** Who else in the unit has which case open or is writing to its citizen (ADR 0016). */
    public PresenceBoard presence() {
        return presence;
    }

    /**
     * Tells the unit, encrypted, what this member is doing with a case: opened it, writes a reply, or is done with
     * it. Repeats of the same announcement are sent only as often as their lifetime needs; nothing is sent before
     * the staff room is known as joined and encrypted.
     */
    public void announce(String caseId, StaffPresence.Activity activity) {
        if (!readyToSend()) {
            return;
        }
        announcer.due(caseId, activity).ifPresent(content -> sendRaw(PresenceEvents.TYPE, content.toString()));
    }

    /** Sends what the outbox holds now. */
    public void flush() throws MatrixException {
        engine.sendPendingNow();
    }

    /** The event ID of a sent change, once the homeserver accepted it. */
    public Optional<String> eventIdOf(String txnId) {
        return workstation.database().outbox().find(txnId).map(OutboxMessage::eventId);
    }

    /** One sync round trip, then the fold catches up with what it stored. */
    public StaffLogFold.Progress syncOnce(Duration timeout) throws MatrixException {
        engine.syncOnce(timeout);
        return fold.catchUp();
    }

    /** Folds what the stores hold, without the network (e.g. new citizen messages of the functional account). */
    public StaffLogFold.Progress catchUp() {
        return fold.catchUp();
    }

    /** Saves the snapshot and stops the engine; the workstation (vault, database) stays open for its owner. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        registrations.forEach(r -> r.engine().removeListener(r.listener()));
        receiptRegistrations.forEach(r -> r.engine().removeReceiptListener(r.listener()));
        engine.removeRoomKeyBundleListener(bundleListener);
        workstation.detach(this);
        try {
            fold.checkpoint();
        } finally {
            workstation.closeEngine();
        }
    }
}
