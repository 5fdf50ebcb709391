package de.amtsdesk.core.store;

/** Where an outgoing message is on its way to the homeserver. */
public enum OutboxState {
    /** Waiting to be sent. */
    QUEUED,
    /** Handed to the sender; a crash leaves it here, and the next open queues it again. */
    SENDING,
    /** The homeserver accepted it and named its event id. Final. */
    SENT,
    /** The last attempt failed; waits for {@link OutboxRepository#retry} or {@link OutboxRepository#discard}. */
    FAILED
}
