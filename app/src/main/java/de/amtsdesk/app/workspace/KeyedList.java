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
 *
 * <p>Runs in O(n log n) key work for n rows (a key → position index and a Fenwick tree of the rows not yet placed,
 * instead of a scan per moved row, which made a reordered queue of 10,000 cases quadratic). The edits it makes, and
 * so the change events a bound ListView sees, are the same as those of the scan.
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
        // What is left are the old rows still wanted, in their old order. While row i of next is placed, the list
        // is next[0..i) followed by the old rows not placed yet, in order: an old row's index is i plus how many
        // unplaced old rows precede it.
        int m = target.size();
        @SuppressWarnings("unchecked")
        T[] old = (T[]) target.toArray();
        Map<K, Integer> oldIndex = new HashMap<>(m * 2);
        for (int p = 0; p < m; p++) {
            if (oldIndex.put(key.apply(old[p]), p) != null) {
                return edits + scanUpdate(target, next, key); // duplicate keys: the plain scan decides
            }
        }
        boolean[] placed = new boolean[m];
        Unplaced unplaced = new Unplaced(m);
        int head = 0;
        for (int i = 0; i < next.size(); i++) {
            T item = next.get(i);
            K k = key.apply(item);
            while (head < m && placed[head]) {
                head++;
            }
            if (head < m && Objects.equals(key.apply(old[head]), k)) {
                if (!Objects.equals(old[head], item)) {
                    target.set(i, item);
                    edits++;
                }
                placed[head] = true;
                unplaced.remove(head);
                continue;
            }
            Integer p = oldIndex.get(k);
            if (p != null && !placed[p]) {
                target.remove(i + unplaced.before(p));
                placed[p] = true;
                unplaced.remove(p);
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

    /** The scan without index: for lists with duplicate keys, where "the key's row" is the first one after i. */
    private static <T, K> int scanUpdate(List<T> target, List<T> next, Function<T, K> key) {
        int edits = 0;
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

    /** Fenwick tree over the old rows: 1 while unplaced; {@link #before} counts unplaced rows left of one. */
    private static final class Unplaced {
        private final int[] tree;

        Unplaced(int size) {
            tree = new int[size + 1];
            for (int i = 1; i <= size; i++) {
                tree[i] = i & -i; // every row unplaced
            }
        }

        void remove(int index) {
            for (int i = index + 1; i < tree.length; i += i & -i) {
                tree[i]--;
            }
        }

        int before(int index) {
            int sum = 0;
            for (int i = index; i > 0; i -= i & -i) {
                sum += tree[i];
            }
            return sum;
        }
    }

    /**
     * {@link #update} for a list a control shows: when the new state is more than {@code bulkEdits} edits away (a
     * saved view switched, the first fill), it goes in as one {@code setAll} of the merged rows, so the control
     * and its selection model handle one change instead of thousands (one per edit was seconds on the FX thread
     * for a 10,000-row ListView). The merged rows keep every unchanged row's object, so unchanged rows at an
     * unchanged index are still the same object; a small update makes exactly the edits of {@link #update}.
     *
     * @return how many edits {@link #update} makes for this change (0: nothing changed)
     */
    public static <T, K> int updateShown(javafx.collections.ObservableList<T> target, List<T> next,
            Function<T, K> key, int bulkEdits) {
        List<T> merged = new java.util.ArrayList<>(target);
        int edits = update(merged, next, key);
        if (edits > bulkEdits) {
            target.setAll(merged);
        } else if (edits > 0) {
            update(target, next, key);
        }
        return edits;
    }

    /**
     * The edits that bring a shown list from {@code current} to {@code next}, worked out off the FX thread (over 7,000
     * rows the diff itself took tens of milliseconds per sync batch on the FX thread). {@link Plan#applyTo} then makes
     * on the shown list exactly the edits {@link #updateShown} would make, provided the shown list still equals
     * {@code current}: the caller plans each update on the result of the previous plan and applies them in order.
     */
    public static <T, K> Plan<T> plan(List<T> current, List<T> next, Function<T, K> key, int bulkEdits) {
        Recorder<T> recorder = new Recorder<>(current);
        int edits = update(recorder, next, key);
        List<T> result = List.copyOf(recorder.rows);
        return new Plan<>(result, edits > bulkEdits ? null : List.copyOf(recorder.edits), edits);
    }

    /**
     * The planned update of a shown list. {@code result} is the list after it (unchanged rows keep their object);
     * {@code edits} null means one {@code setAll}.
     */
    public record Plan<T>(List<T> result, List<Edit<T>> edits, int count) {

        public void applyTo(javafx.collections.ObservableList<T> shown) {
            if (edits == null) {
                shown.setAll(result);
                return;
            }
            for (Edit<T> edit : edits) {
                switch (edit.kind()) {
                    case ADD -> shown.add(edit.index(), edit.row());
                    case SET -> shown.set(edit.index(), edit.row());
                    case REMOVE -> shown.remove(edit.index());
                }
            }
        }
    }

    /** One recorded list edit. */
    public record Edit<T>(Kind kind, int index, T row) {
        public enum Kind { ADD, SET, REMOVE }
    }

    /** A list that does what {@link #update} asks and writes each edit down. */
    private static final class Recorder<T> extends java.util.AbstractList<T> {
        private final List<T> rows;
        private final List<Edit<T>> edits = new java.util.ArrayList<>();

        Recorder(List<T> start) {
            this.rows = new java.util.ArrayList<>(start);
        }

        @Override
        public T get(int index) {
            return rows.get(index);
        }

        @Override
        public int size() {
            return rows.size();
        }

        @Override
        public T set(int index, T row) {
            edits.add(new Edit<>(Edit.Kind.SET, index, row));
            return rows.set(index, row);
        }

        @Override
        public void add(int index, T row) {
            edits.add(new Edit<>(Edit.Kind.ADD, index, row));
            rows.add(index, row);
        }

        @Override
        public T remove(int index) {
            edits.add(new Edit<>(Edit.Kind.REMOVE, index, null));
            return rows.remove(index);
        }
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
