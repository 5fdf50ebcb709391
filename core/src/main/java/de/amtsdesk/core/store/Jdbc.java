package de.amtsdesk.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The repositories' access to the database. A repository call outside {@link AppDatabase#inTransaction} takes a
 * pooled connection for itself (its own transaction when it writes several rows); inside, the connection of the
 * enclosing transaction is found through a {@link ScopedValue}, so repositories need no connection parameter and
 * the binding ends with the work, on whatever thread (virtual or not) it runs.
 */
final class Jdbc {

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    private final Clock clock;
    // One per database: a transaction of one AppDatabase must never leak into another's repositories.
    private final ScopedValue<Connection> current = ScopedValue.newInstance();

    Jdbc(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    long now() {
        return clock.millis();
    }

    /** One statement (or several that may commit separately), in the enclosing transaction if there is one. */
    <T> T run(String what, SqlWork<T> work) {
        try {
            if (current.isBound()) {
                return work.run(current.get());
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw new StoreAccessException(what, e);
        }
    }

    /** Several rows that must change together: joins the enclosing transaction or opens one. */
    <T> T inTransaction(String what, SqlWork<T> work) {
        if (current.isBound()) {
            return run(what, work);
        }
        return transaction(what, () -> {
            try {
                return work.run(current.get());
            } catch (SQLException e) {
                throw new StoreAccessException(what, e);
            }
        });
    }

    /** Runs caller work in one transaction; nested calls join it (there are no savepoints). */
    <T, X extends Exception> T transaction(String what, StoreWork<T, X> work) throws X {
        if (current.isBound()) {
            return work.run();
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreAccessException(what, e);
        }
        try {
            connection.setAutoCommit(false);
            T result = ScopedValue.where(current, connection).call(work::run);
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new StoreAccessException(what + " (commit)", e);
            }
            return result;
        } catch (Throwable failure) {
            rollback(connection, failure);
            // The work's own exceptions pass unchanged; only our JDBC calls are wrapped.
            throw failure instanceof SQLException sql ? new StoreAccessException(what, sql) : sneaky(failure);
        } finally {
            close(connection);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Returning the connection to the pool failed; the pool drops it. Nothing the caller can do.
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(new StoreAccessException("rollback", e));
        }
    }

    /** Rethrows what the work threw (its X, or an unchecked one) without wrapping it. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    // Small helpers that keep the repositories readable.

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else if (value instanceof Enum<?> e) {
                    statement.setString(i + 1, e.name());
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    static <T> List<T> list(Connection connection, RowMapper<T> mapper, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    static <T> Optional<T> first(Connection connection, RowMapper<T> mapper, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
        }
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Cuts free text (error descriptions) to its column's size instead of failing the whole write. */
    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
