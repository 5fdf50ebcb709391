package de.amtsdesk.app;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * Updates an observable list to a new content with as few changes as possible, matching rows by a key: gone rows are
 * removed, changed rows replaced where they are, new or moved rows inserted at their place, unchanged rows left alone.
 * {@code setAll} would instead clear a ListView's selection and keyboard position on every update.
 */
public final class InPlace {

    private InPlace() {
    }

    public static <T> void update(ObservableList<T> shown, List<T> target, Function<T, String> key) {
        if (shown.isEmpty()) {
            // First fill (a conversation just opened): one change instead of one per row.
            shown.setAll(target);
            return;
        }
        Set<String> wanted = new HashSet<>();
        target.forEach(row -> wanted.add(key.apply(row)));
        shown.removeIf(row -> !wanted.contains(key.apply(row)));
        for (int i = 0; i < target.size(); i++) {
            T want = target.get(i);
            String id = key.apply(want);
            if (i < shown.size() && key.apply(shown.get(i)).equals(id)) {
                if (!shown.get(i).equals(want)) {
                    shown.set(i, want);
                }
                continue;
            }
            int at = indexOf(shown, id, i + 1, key);
            if (at >= 0) {
                shown.remove(at);
            }
            shown.add(i, want);
        }
        if (shown.size() > target.size()) {
            // Only with duplicate keys in the target; keep the list exactly as long as the target.
            shown.remove(target.size(), shown.size());
        }
    }

    public static <T> int indexOf(List<T> list, String id, int from, Function<T, String> key) {
        for (int i = Math.max(0, from); i < list.size(); i++) {
            if (key.apply(list.get(i)).equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
