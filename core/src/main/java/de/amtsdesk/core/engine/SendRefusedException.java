package de.amtsdesk.core.engine;

/**
 * The agency refuses to send, for a reason the caseworker must see (not a server failure): e.g. the room is not
 * encrypted and the agency may not turn encryption on. The outbox marks the message failed with {@link #reason()}.
 */
final class SendRefusedException extends Exception {

    /** Outbox error codes; the UI translates them (conversation.failed.&lt;code&gt;). */
    static final String NOT_ENCRYPTED = "NOT_ENCRYPTED";

    private final String reason;

    SendRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
