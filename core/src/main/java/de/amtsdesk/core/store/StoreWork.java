package de.amtsdesk.core.store;

/**
 * Work run by {@link AppDatabase#inTransaction}: every repository call inside it joins one transaction, which
 * commits when the work returns and rolls back when it throws.
 *
 * @param <T> what the work returns
 * @param <X> a checked exception the work may throw (rolls back too)
 */
@FunctionalInterface
public interface StoreWork<T, X extends Exception> {
    T run() throws X;
}
