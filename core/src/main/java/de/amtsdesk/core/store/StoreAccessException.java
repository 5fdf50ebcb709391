package de.amtsdesk.core.store;

import java.sql.SQLException;

/**
 * A read or write on the open local database failed (disk full, I/O error, constraint, database closed).
 * Unchecked: callers cannot repair it, only report it, and every repository method could raise it.
 *
 * <p>H2 quotes the offending value in data and constraint errors ("Value too long for column CONTENT_JSON:
 * '{"body":"…'"), and such an exception ends up in a log sooner or later. For those SQL states (class 22 data,
 * class 23 integrity) the cause is replaced by one that keeps H2's code, state and stack trace but not the text.
 */
public class StoreAccessException extends RuntimeException {

    private final int h2ErrorCode;

    public StoreAccessException(String what, SQLException cause) {
        super(what + " failed [H2 " + cause.getErrorCode() + ", SQLState " + cause.getSQLState() + "]",
                withoutQuotedValues(cause));
        this.h2ErrorCode = cause.getErrorCode();
    }

    public int h2ErrorCode() {
        return h2ErrorCode;
    }

    static SQLException withoutQuotedValues(SQLException e) {
        String state = e.getSQLState();
        if (state == null || !(state.startsWith("22") || state.startsWith("23"))) {
            return e;
        }
        SQLException sanitized = new SQLException(
                "H2 error " + e.getErrorCode() + " (text withheld: it may quote stored values)", state,
                e.getErrorCode());
        sanitized.setStackTrace(e.getStackTrace());
        return sanitized;
    }
}
