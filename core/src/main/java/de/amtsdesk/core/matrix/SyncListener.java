package de.amtsdesk.core.matrix;

import java.util.List;

/** What the sync loop tells the rest of the app. Called on the sync thread; UIs hop to their own thread. */
public interface SyncListener {

    void roomsChanged(List<RoomSummary> rooms);

    /** A transient problem; the loop keeps trying and reports {@link #syncRecovered()} once it works again. */
    default void syncFailing(MatrixException problem) { }

    default void syncRecovered() { }

    /**
     * The loop's first sync has been handled: what arrived while this workstation was off (or locked) is in. Called
     * once per {@link SyncService#start()}, after the first successful round trip, however many failed before it.
     */
    default void caughtUp() { }

    /**
     * The server no longer accepts the token: the caseworker must log in again. The loop has stopped. The reason is
     * {@link MatrixFailure#SESSION_EXPIRED} (soft logout: same device again) or {@link MatrixFailure#TOKEN_REVOKED}
     * (hard logout: the device is gone).
     */
    default void sessionEnded(MatrixException reason) { }
}
