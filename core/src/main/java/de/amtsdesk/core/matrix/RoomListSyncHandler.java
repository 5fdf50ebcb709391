package de.amtsdesk.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the room list: folds each response into the {@link RoomDirectory}, joins citizen invitations when the unit's
 * policy says so, and tells the listener.
 */
public final class RoomListSyncHandler implements SyncHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RoomListSyncHandler.class);

    private final MatrixClient client;
    private final Session session;
    private final RoomDirectory directory;
    private final boolean autoJoinInvites;
    /** The unit's policy on top of {@code autoJoinInvites}: asked at every sync, so a change takes effect at once. */
    private volatile java.util.function.BooleanSupplier policy = () -> true;
    private final SyncListener listener;
    private final Function<String, String> previews;
    private final java.util.function.Consumer<String> afterJoin;

    public RoomListSyncHandler(MatrixClient client, Session session, RoomDirectory directory, boolean autoJoinInvites,
            SyncListener listener, Function<String, String> previews) {
        this(client, session, directory, autoJoinInvites, listener, previews, roomId -> { });
    }

    /** {@code afterJoin} runs for each room this handler joined (e.g. to turn on encryption at once). */
    public RoomListSyncHandler(MatrixClient client, Session session, RoomDirectory directory, boolean autoJoinInvites,
            SyncListener listener, Function<String, String> previews, java.util.function.Consumer<String> afterJoin) {
        this.client = client;
        this.session = session;
        this.directory = directory;
        this.autoJoinInvites = autoJoinInvites;
        this.listener = listener;
        this.previews = previews;
        this.afterJoin = afterJoin;
    }

    @Override
    public void handle(JsonNode response, String nextBatch) {
        directory.apply(response);
        afterApply();
    }

    /** Joins pending invitations and publishes the room list; for handlers that apply the response themselves. */
    public void afterApply() {
        if (autoJoinInvites && policy.getAsBoolean()) {
            for (String roomId : directory.pendingInvites()) {
                try {
                    join(roomId);
                } catch (MatrixException e) {
                    // The invite stays pending and is tried again on the next sync.
                    LOG.warn("could not join invited room {}: {}", roomId, e.failure());
                }
            }
        }
        publish();
    }

    /** Whether invitations are joined without asking: the unit's policy (ADR 0014's case log), read at each sync. */
    public void joinInvitesWhen(java.util.function.BooleanSupplier unitPolicy) {
        this.policy = java.util.Objects.requireNonNull(unitPolicy, "unitPolicy");
    }

    /** Joins one invited room now (a caseworker accepted it), as an automatic join would. */
    public void join(String roomId) throws MatrixException {
        client.joinRoom(session, roomId);
        LOG.info("joined invited room {}", roomId);
        afterJoin.accept(roomId);
    }

    /** Whether the list from the directory went out once: a first screenful must never replace it. */
    private boolean published;

    /** Tells the listener the current room list, e.g. after a decrypted message changed a preview. */
    public void publish() {
        List<RoomSummary> rooms = directory.summaries().stream()
                .map(s -> s.withPreview(previews.apply(s.roomId())))
                .toList();
        synchronized (this) {
            published = published || !rooms.isEmpty();
            listener.roomsChanged(rooms);
        }
    }

    /**
     * Shows a first screenful ({@link FirstScreenful}) unless the directory's own list went out already.
     *
     * @return whether it was shown
     */
    public synchronized boolean publishFirstScreen(List<RoomSummary> rooms) {
        if (published || rooms.isEmpty()) {
            return false;
        }
        listener.roomsChanged(rooms);
        return true;
    }
}
