package de.amtsdesk.core.notice;

/** Signing did not happen; the message says why in words a caseworker's admin can act on. */
public class NoticeSigningException extends Exception {

    public NoticeSigningException(String message) {
        super(message);
    }

    public NoticeSigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
