package de.amtsdesk.core.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.CaseLog;
import de.amtsdesk.core.cases.FoldSnapshot;
import de.amtsdesk.core.cases.Note;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.CitizenActivity;
import de.amtsdesk.core.cases.log.FoldInput;
import de.amtsdesk.core.cases.log.PowerLevels;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import de.amtsdesk.core.cases.log.StaffRoomEvents;
import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.staff.presence.PresenceEvents;
import de.amtsdesk.core.staff.presence.StaffPresence;
import de.amtsdesk.core.store.CaseFoldStateRepository;
import de.amtsdesk.core.store.DecryptionStatus;
import de.amtsdesk.core.store.EventStream;
import de.amtsdesk.core.store.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the unit's case fold from the encrypted store and keeps it there: the staff room's stored events in server
 * (stream) order, only those after the last one consumed; citizen-room messages of the functional account's store
 * as {@link CitizenActivity}; case notes and conversation text into the local {@link SearchIndex}; the
 * {@link H2AuditLog}; and, from time to time and on {@link #checkpoint()}, the book's snapshot together with both
 * stream positions. After a restart the book is restored from that snapshot and folding continues after it; an
 * event folded again (after a crash before the next checkpoint) changes nothing and adds no audit entry.
 *
 * <p>Transport rules on top of the fold (ADR 0005, "Transport and persistence"):
 * <ul>
 *   <li>The staff log waits at an event it cannot decrypt yet (its key may still come): folding past it would
 *       apply later events without it and diverge from other clients. {@link Progress#blocked()} says where it
 *       waits. An event that can never be decrypted (malformed, or its session does not belong to its sender) is
 *       rejected and audited; anything else waits until the key comes or someone calls {@link #skip(String)}.</li>
 *   <li>A case event that arrived <em>unencrypted</em> in the staff room is rejected and audited (MALFORMED): the
 *       server has seen its content, and honest clients never send one.</li>
 *   <li>In room versions with privileged creators (12 and later) the creators are not in the power levels' users;
 *       the homeserver gives them unlimited power, so the fold gets them at {@link #CREATOR_LEVEL} in every
 *       power-level input, taken from the room's {@code m.room.create} event.</li>
 * </ul>
 */
public final class StaffLogFold {

    private static final Logger LOG = LoggerFactory.getLogger(StaffLogFold.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 500;
    /** Decryption failures that no later key heals. */
    private static final Set<String> PERMANENT_FAILURES = Set.of("MALFORMED_EVENT", "MISMATCHED_SENDER");
    /** The level the fold sees for a privileged creator (room version 12+), whose power has no limit. */
    public static final int CREATOR_LEVEL = Integer.MAX_VALUE;

    /** What one {@link #catchUp()} did. */
    public record Progress(int staffEvents, int citizenMessages, Optional<Blocked> blocked) {
    }

    /** The staff-log event the fold waits at: not decryptable (yet). */
    public record Blocked(String eventId, String sender, Instant at, String problem) {
    }

    private final AppDatabase db;
    private final String staffRoomId;
    private final UnitConfig config;
    private final CitizenRooms citizen;
    private final EventStream staffEvents;
    private final CaseFoldStateRepository states;
    private volatile java.util.function.Consumer<StaffPresence> presence = signal -> { };
    private final H2AuditLog audit;
    private final SearchIndex search;
    private final Clock clock;
    private final List<CaseBookListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CaseLog log;
    private long staffCursor;
    private long citizenCursor;
    private volatile Blocked blocked;
    /** Creators with unlimited power (room version 12+); empty for older rooms, null until the create event is seen. */
    private Set<String> privilegedCreators;
    private int inputsSinceCheckpoint;
    private Instant lastCheckpoint;
    private Duration checkpointInterval = Duration.ofSeconds(30);
    private int checkpointEvery = 2_000;

    private StaffLogFold(AppDatabase db, String staffRoomId, UnitConfig config, CitizenRooms citizen, Clock clock) {
        this.db = db;
        this.staffRoomId = Objects.requireNonNull(staffRoomId, "staffRoomId");
        this.config = Objects.requireNonNull(config, "config");
        this.citizen = citizen;
        this.staffEvents = EventStream.of(db);
        this.states = CaseFoldStateRepository.of(db);
        this.audit = new H2AuditLog(db);
        this.search = new SearchIndex(db);
        this.clock = clock;
        this.lastCheckpoint = clock.instant();
        staffEvents.firstOfType(staffRoomId, "m.room.create").flatMap(StaffLogFold::matrixEvent)
                .ifPresent(this::learnCreators);
    }

    /**
     * Opens the fold of this profile's store: restores the saved book, or starts empty.
     *
     * @param citizen the functional account's citizen rooms, or null when this client sees none
     * @throws IllegalStateException when the store belongs to another staff room
     */
    public static StaffLogFold open(AppDatabase db, String staffRoomId, UnitConfig config, CitizenRooms citizen) {
        return open(db, staffRoomId, config, citizen, Clock.systemUTC());
    }

    static StaffLogFold open(AppDatabase db, String staffRoomId, UnitConfig config, CitizenRooms citizen,
            Clock clock) {
        StaffLogFold fold = new StaffLogFold(db, staffRoomId, config, citizen, clock);
        fold.restore();
        return fold;
    }

    /** Back to the saved state: the book from the snapshot, the cursors that go with it. */
    private synchronized void restore() {
        Optional<CaseFoldStateRepository.FoldState> saved = states.load();
        CaseBook book = null;
        staffCursor = 0;
        citizenCursor = 0;
        if (saved.isPresent()) {
            CaseFoldStateRepository.FoldState state = saved.get();
            if (!state.staffRoomId().equals(staffRoomId)) {
                throw new IllegalStateException("this profile folds the staff room " + state.staffRoomId()
                        + ", not " + staffRoomId);
            }
            try {
                FoldSnapshot snapshot = state.snapshotFormat() == SnapshotCodec.BINARY_FORMAT
                        ? SnapshotCodec.decodeBinary(state.snapshotData())
                        : SnapshotCodec.decode(state.snapshotFormat(), state.snapshotJson());
                book = CaseBook.restore(snapshot);
                staffCursor = state.staffCursor();
                boolean sameSource = citizen != null && citizen.functionalAccount().equals(state.citizenSource());
                // Another source: read all of it; what the book has seen already is recognised by event ID.
                citizenCursor = sameSource ? state.citizenCursor() : 0;
            } catch (SnapshotCodec.UnreadableSnapshotException e) {
                LOG.warn("saved case book not readable ({}); folding the staff log from the start", e.getMessage());
            }
        }
        if (book == null) {
            book = new CaseBook(config.initialPolicy());
        }
        CaseLog fresh = new CaseLog(config, book, audit);
        fresh.addListener(new NoteIndexer());
        listeners.forEach(fresh::addListener);
        audit.resetNumbering();
        log = fresh;
        inputsSinceCheckpoint = 0;
        lastCheckpoint = clock.instant();
    }

    public CaseBook book() {
        return log.book();
    }

    public H2AuditLog audit() {
        return audit;
    }

    public SearchIndex searchIndex() {
        return search;
    }

    public String staffRoomId() {
        return staffRoomId;
    }

    /**
     * Where presence signals of the staff room go (ADR 0016); by default nowhere. They are read as the staff log is
     * folded, so a signal is seen within one sync of being sent.
     */
    public void onPresence(java.util.function.Consumer<StaffPresence> sink) {
        this.presence = Objects.requireNonNull(sink, "sink");
    }

    /** Also told about changes folded after a restore from the snapshot. */
    public void addListener(CaseBookListener listener) {
        CaseBookListener afterCommit = new AfterCommit(listener);
        listeners.add(afterCommit);
        log.addListener(afterCommit);
    }

    /** Notifications held while a chunk is folded inside its transaction; null outside {@link #catchUp}. */
    private List<Runnable> uncommitted;

    /**
     * Tells a listener only once the chunk's transaction has committed: a listener that reads the store (the case
     * panel reads the audit trail) must see what it is told about. Told inside the transaction, it could read the
     * state before, and nothing would tell it again.
     */
    private final class AfterCommit extends de.amtsdesk.core.cases.CaseBookRelay {
        private final CaseBookListener delegate;

        AfterCommit(CaseBookListener delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void relay(java.util.function.Consumer<CaseBookListener> call) {
            List<Runnable> held = uncommitted;
            if (held != null) {
                held.add(() -> call.accept(delegate));
            } else {
                call.accept(delegate);
            }
        }
    }

    private void tellCommitted() {
        List<Runnable> held = uncommitted;
        if (held != null && !held.isEmpty()) {
            uncommitted = new ArrayList<>();
            held.forEach(Runnable::run);
        }
    }

    /** Where the staff log waits, if it does. */
    public Optional<Blocked> blocked() {
        return Optional.ofNullable(blocked);
    }

    /** Saves a snapshot after at least this many folded inputs or this much time (defaults 2,000 and 30 s). */
    public synchronized void checkpointPolicy(int everyInputs, Duration interval) {
        this.checkpointEvery = everyInputs;
        this.checkpointInterval = interval;
    }

    /** Full-text search; message hits are attributed to the case of their room. */
    public List<SearchIndex.Hit> search(String query, int limit) {
        CaseBook book = book();
        return search.search(query, limit, room -> book.findByRoom(room).map(Case::id).orElse(null));
    }

    /**
     * Folds everything new in the store: the staff log up to the end or to the first event it cannot decrypt yet,
     * then new citizen-room messages, then messages whose keys came late (for the index). Saves a snapshot when
     * the checkpoint policy says so. On a store failure the fold goes back to the saved state and the exception
     * propagates; the next call folds again from there.
     */
    public synchronized Progress catchUp() {
        int staff = 0;
        int messages = 0;
        uncommitted = new ArrayList<>();
        try {
            while (true) {
                int n = db.inTransaction(this::foldStaffChunk);
                tellCommitted();
                staff += n;
                if (n < CHUNK || blocked != null) {
                    break;
                }
            }
            if (citizen != null) {
                while (true) {
                    int n = db.inTransaction(this::foldCitizenChunk);
                    tellCommitted();
                    messages += n;
                    if (n < CHUNK) {
                        break;
                    }
                }
                db.inTransaction(this::indexLateMessages);
            }
            inputsSinceCheckpoint += staff + messages;
            if (inputsSinceCheckpoint >= checkpointEvery || (inputsSinceCheckpoint > 0
                    && !clock.instant().isBefore(lastCheckpoint.plus(checkpointInterval)))) {
                checkpoint();
            }
        } catch (RuntimeException e) {
            LOG.warn("case fold failed ({}); back to the saved state", e.getClass().getSimpleName());
            uncommitted = null; // what was rolled back is not news
            restore();
            throw e;
        } finally {
            uncommitted = null;
        }
        return new Progress(staff, messages, Optional.ofNullable(blocked));
    }

    /** Saves the book's snapshot and both stream positions, in one transaction. */
    public synchronized void checkpoint() {
        FoldSnapshot snapshot = log.book().snapshot();
        states.save(new CaseFoldStateRepository.FoldState(staffRoomId, SnapshotCodec.BINARY_FORMAT, null,
                SnapshotCodec.encodeBinary(snapshot), snapshot.lastStaffEventId(), staffCursor,
                citizen == null ? null : citizen.functionalAccount(), citizenCursor));
        inputsSinceCheckpoint = 0;
        lastCheckpoint = clock.instant();
    }

    /**
     * Gives up waiting for the key of the event the staff log is blocked at: it is audited as rejected and the
     * fold goes on after it. For an operator who knows the key is lost; other clients that can decrypt it will
     * apply it, so this may make this client differ from them.
     *
     * @return whether the fold was blocked at that event
     */
    public synchronized boolean skip(String eventId) {
        Blocked at = blocked;
        if (at == null || !at.eventId().equals(eventId)) {
            return false;
        }
        db.inTransaction(() -> {
            StoredEvent event = staffEvents.roomAfter(staffRoomId, staffCursor, 1).getFirst();
            rejectAtTransport(event, "skipped undecryptable event (" + at.problem() + ")");
            staffCursor = event.streamOrder();
            return null;
        });
        blocked = null;
        inputsSinceCheckpoint++;
        return true;
    }

    // ---- staff room ----

    private int foldStaffChunk() {
        List<StoredEvent> events = staffEvents.roomAfter(staffRoomId, staffCursor, CHUNK);
        blocked = null;
        int consumed = 0;
        for (StoredEvent event : events) {
            if (event.decryptionStatus() == DecryptionStatus.UNABLE_TO_DECRYPT) {
                String problem = event.decryptionError() == null ? "UNKNOWN" : event.decryptionError();
                if (!PERMANENT_FAILURES.contains(problem)) {
                    blocked = new Blocked(event.eventId(), event.sender(),
                            Instant.ofEpochMilli(event.originServerTs()), problem);
                    LOG.info("staff log waits for the key of {} ({})", event.eventId(), problem);
                    break;
                }
                rejectAtTransport(event, "undecryptable (" + problem + ")");
            } else {
                Optional<JsonNode> matrixEvent = matrixEvent(event);
                if (event.eventType().equals("m.room.create")) {
                    matrixEvent.ifPresent(this::learnCreators);
                }
                if (event.eventType().equals(PresenceEvents.TYPE)) {
                    // Not a case change: never applied, never audited; only an encrypted signal from a member counts.
                    if (event.decryptionStatus() != DecryptionStatus.PLAINTEXT) {
                        matrixEvent.flatMap(e -> PresenceEvents.parse(event.sender(),
                                e.path("content"), Instant.ofEpochMilli(event.originServerTs())))
                                .filter(signal -> log.book().staffRoom().members().containsKey(signal.userId()))
                                .ifPresent(presence);
                    }
                    staffCursor = event.streamOrder();
                    consumed++;
                    continue;
                }
                matrixEvent.flatMap(StaffRoomEvents::fromMatrixEvent).ifPresent(input -> {
                    if (input instanceof StaffEvent && event.decryptionStatus() == DecryptionStatus.PLAINTEXT) {
                        rejectAtTransport(event, "case event sent unencrypted into the staff room");
                    } else {
                        log.apply(withCreators(input));
                    }
                });
            }
            staffCursor = event.streamOrder();
            consumed++;
        }
        return consumed;
    }

    /** Room version 12+ (MSC4289): the creator and any additional creators have unlimited power. */
    private void learnCreators(JsonNode create) {
        JsonNode content = create.path("content");
        String version = content.path("room_version").asText("1");
        Set<String> creators = new java.util.TreeSet<>();
        if (StaffRoomSetup.creatorsArePrivileged(version)) {
            creators.add(create.path("sender").asText());
            content.path("additional_creators").forEach(c -> creators.add(c.asText()));
        }
        privilegedCreators = Set.copyOf(creators);
    }

    private FoldInput withCreators(FoldInput input) {
        if (!(input instanceof StaffPowerLevels levels) || privilegedCreators == null || privilegedCreators.isEmpty()) {
            return input;
        }
        Map<String, Integer> users = new HashMap<>(levels.levels().users());
        privilegedCreators.forEach(creator -> users.put(creator, CREATOR_LEVEL));
        return new StaffPowerLevels(levels.eventId(), levels.sender(), new PowerLevels(users,
                levels.levels().usersDefault(), levels.levels().events()), levels.serverTime());
    }

    /** The event as the fold's parser wants it: the full plaintext event, or the clear type and content. */
    private static Optional<JsonNode> matrixEvent(StoredEvent event) {
        try {
            if (event.decryptionStatus() == DecryptionStatus.PLAINTEXT) {
                return Optional.of(JSON.readTree(event.rawJson()));
            }
            ObjectNode clear = JSON.createObjectNode().put("event_id", event.eventId()).put("sender", event.sender())
                    .put("origin_server_ts", event.originServerTs()).put("type", event.eventType());
            clear.set("content", event.contentJson() == null ? JSON.nullNode() : JSON.readTree(event.contentJson()));
            return Optional.of(clear);
        } catch (Exception e) {
            LOG.warn("stored staff-room event {} is not JSON; ignored", event.eventId());
            return Optional.empty();
        }
    }

    /** Audits a staff-room event the transport refuses to fold: only events in our namespace, or unreadable ones. */
    private void rejectAtTransport(StoredEvent event, String detail) {
        boolean ours = StaffEventTypes.inNamespace(event.eventType())
                || event.decryptionStatus() == DecryptionStatus.UNABLE_TO_DECRYPT;
        if (ours) {
            audit.append(new AuditEntry(0, event.eventId(), Instant.ofEpochMilli(event.originServerTs()),
                    event.sender(), null, event.eventType(), AuditEntry.Outcome.REJECTED, Rejection.MALFORMED,
                    detail, List.of()));
        }
    }

    // ---- citizen rooms ----

    private int foldCitizenChunk() {
        List<StoredEvent> events = citizen.after(citizenCursor, CHUNK);
        for (StoredEvent event : events) {
            if (!event.roomId().equals(staffRoomId)) {
                boolean edit = "m.replace".equals(event.relationType());
                if (!edit) {
                    log.apply(new CitizenActivity(event.eventId(), event.roomId(), event.sender(),
                            citizen.fromAgency(event.sender()) ? CitizenActivity.Direction.FROM_AGENCY
                                    : CitizenActivity.Direction.FROM_CITIZEN,
                            Instant.ofEpochMilli(event.originServerTs())));
                }
                if (event.decryptionStatus() == DecryptionStatus.UNABLE_TO_DECRYPT) {
                    search.repository().addPending(event.eventId());
                } else {
                    indexMessage(event);
                }
            }
            citizenCursor = event.streamOrder();
        }
        return events.size();
    }

    private Void indexLateMessages() {
        List<String> pending = search.repository().pending(CHUNK);
        if (pending.isEmpty()) {
            return null;
        }
        for (StoredEvent event : citizen.byIds(pending)) {
            if (event.decryptionStatus() != DecryptionStatus.UNABLE_TO_DECRYPT) {
                indexMessage(event);
                search.repository().removePending(event.eventId());
            }
        }
        return null;
    }

    private void indexMessage(StoredEvent event) {
        String text = messageText(event.contentJson());
        if (text != null) {
            search.addMessage(event.eventId(), event.roomId(), event.sender(),
                    Instant.ofEpochMilli(event.originServerTs()), text);
        }
    }

    /** The searchable text of a message: its body (the new one of an edit), or a poll's question. */
    static String messageText(String contentJson) {
        if (contentJson == null) {
            return null;
        }
        try {
            JsonNode content = JSON.readTree(contentJson);
            JsonNode replaced = content.path("m.new_content").path("body");
            if (replaced.isTextual()) {
                return replaced.asText();
            }
            if (content.path("body").isTextual()) {
                return content.path("body").asText();
            }
            for (String poll : List.of("org.matrix.msc3381.poll.start", "m.poll.start", "m.poll")) {
                JsonNode question = content.path(poll).path("question");
                for (String field : List.of("body", "m.text", "org.matrix.msc1767.text")) {
                    if (question.path(field).isTextual()) {
                        return question.path(field).asText();
                    }
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Indexes every note a case gains, in the fold's transaction. */
    private final class NoteIndexer implements CaseBookListener {
        @Override
        public void caseChanged(Case before, Case after) {
            int known = before == null ? 0 : before.notes().size();
            for (Note note : after.notes().subList(Math.min(known, after.notes().size()), after.notes().size())) {
                search.addNote(note.eventId(), after.roomId(), after.id(), note.author(), note.at(), note.text());
            }
        }
    }
}
