package de.amtsdesk.app.workspace;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Brings a list to a new state with the fewest edits: rows whose key and content are unchanged stay the same
 * object at the same index, changed rows are replaced in place, only new rows are inserted and only gone rows
 * removed. A sync batch that touches three cases therefore touches three rows, and a selected row that did not
 * move keeps its selection and the keyboard position (a {@code setAll} would reset both).
 */
public final class KeyedList {

    private KeyedList() {
    }

    /** @return how many list edits were made (0: nothing changed) */
    public static <T, K> int update(List<T> target, List<T> next, Function<T, K> key) {
        Set<K> wanted = new HashSet<>();
        for (T item : next) {
            wanted.add(key.apply(item));
        }
        int edits = 0;
        for (int i = target.size() - 1; i >= 0; i--) {
            if (!wanted.contains(key.apply(target.get(i)))) {
                target.remove(i);
                edits++;
            }
        }
        for (int i = 0; i < next.size(); i++) {
            T item = next.get(i);
            K k = key.apply(item);
            if (i < target.size() && Objects.equals(key.apply(target.get(i)), k)) {
                if (!Objects.equals(target.get(i), item)) {
                    target.set(i, item);
                    edits++;
                }
                continue;
            }
            int found = indexOf(target, k, key, i + 1);
            if (found >= 0) {
                target.remove(found);
                edits++;
            }
            target.add(i, item);
            edits++;
        }
        while (target.size() > next.size()) {
            target.remove(target.size() - 1);
            edits++;
        }
        return edits;
    }

    private static <T, K> int indexOf(List<T> list, K k, Function<T, K> key, int from) {
        for (int i = from; i < list.size(); i++) {
            if (Objects.equals(key.apply(list.get(i)), k)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of each key, for callers that restore a selection by key. */
    public static <T, K> Map<K, Integer> positions(List<T> list, Function<T, K> key) {
        Map<K, Integer> positions = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            positions.put(key.apply(list.get(i)), i);
        }
        return positions;
    }
}
