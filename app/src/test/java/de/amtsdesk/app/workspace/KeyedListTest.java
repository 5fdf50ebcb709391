package de.amtsdesk.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** KeyedList: fewest edits, unchanged rows stay the same object at the same index, and no quadratic scan. */
class KeyedListTest {

    /** A row: key and content; equal when both are. */
    record Row(String key, int version) {
    }

    @Test
    void unchangedRowsStayTheSameObjectAtTheSameIndex() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new Row("r" + i, 0));
        }
        ObservableList<Row> target = FXCollections.observableArrayList(rows);
        List<Row> next = new ArrayList<>();
        for (Row row : rows) {
            next.add(new Row(row.key(), row.key().equals("r4") ? 1 : 0)); // equal copies, one changed
        }

        int edits = KeyedList.update(target, next, Row::key);

        assertThat(edits).isEqualTo(1);
        assertThat(target).containsExactlyElementsOf(next);
        for (int i = 0; i < 10; i++) {
            if (i == 4) {
                assertThat(target.get(i)).isSameAs(next.get(i));
            } else {
                assertThat(target.get(i)).isSameAs(rows.get(i));
            }
        }
    }

    @Test
    void makesTheSameEditsAndChangeEventsAsTheScanItReplaces() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<Row> before = randomRows(random, random.nextInt(40));
            List<Row> after = randomRows(random, random.nextInt(40));
            if (random.nextBoolean()) {
                // Mostly the same rows: some moved, some changed, some gone, some new.
                after = new ArrayList<>(before);
                for (int i = 0; i < random.nextInt(5); i++) {
                    if (!after.isEmpty()) {
                        after.add(random.nextInt(after.size()), after.remove(random.nextInt(after.size())));
                    }
                }
                if (!after.isEmpty()) {
                    int i = random.nextInt(after.size());
                    after.set(i, new Row(after.get(i).key(), after.get(i).version() + 1));
                    after.remove(random.nextInt(after.size()));
                }
                after.add(random.nextInt(after.size() + 1), new Row("new" + round, 0));
            }
            ObservableList<Row> expected = FXCollections.observableArrayList(before);
            ObservableList<Row> actual = FXCollections.observableArrayList(before);
            List<String> expectedChanges = record(expected);
            List<String> actualChanges = record(actual);

            int expectedEdits = scan(expected, after, Row::key);
            int actualEdits = KeyedList.update(actual, after, Row::key);

            assertThat(actual).containsExactlyElementsOf(expected);
            for (int i = 0; i < actual.size(); i++) {
                assertThat(actual.get(i)).isSameAs(expected.get(i));
            }
            assertThat(actualEdits).isEqualTo(expectedEdits);
            assertThat(actualChanges).isEqualTo(expectedChanges);
        }
    }

    @Test
    void duplicateKeysStillReachTheNewList() {
        ObservableList<Row> target = FXCollections.observableArrayList(new Row("a", 0), new Row("a", 1),
                new Row("b", 0));
        List<Row> next = List.of(new Row("b", 0), new Row("a", 1), new Row("c", 0), new Row("a", 0));

        KeyedList.update(target, next, Row::key);

        assertThat(target).containsExactlyElementsOf(next);
    }

    @Test
    void reversingTenThousandRowsIsNotQuadratic() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(new Row("case" + i, 0));
        }
        List<Row> reversed = new ArrayList<>(rows.reversed());
        ObservableList<Row> target = FXCollections.observableArrayList(rows);

        long start = System.nanoTime();
        KeyedList.update(target, reversed, Row::key);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(target).containsExactlyElementsOf(reversed);
        // The scan took about 10^8 key comparisons here (seconds); the index needs milliseconds.
        assertThat(millis).isLessThan(1_000);
    }

    @Test
    void aShownListGetsABigChangeAsOneChangeAndKeepsUnchangedRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new Row("r" + i, 0));
        }
        ObservableList<Row> shown = FXCollections.observableArrayList(rows);
        List<String> changes = record(shown);
        List<Row> next = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            next.add(i % 2 == 0 ? new Row("r" + i, 0) : new Row("n" + i, 0)); // half gone, half new
        }

        int edits = KeyedList.updateShown(shown, next, Row::key, 100);

        assertThat(edits).isGreaterThan(100);
        assertThat(changes).hasSize(1);
        assertThat(shown).containsExactlyElementsOf(next);
        assertThat(shown.get(0)).isSameAs(rows.get(0)); // unchanged, same index: the same object
    }

    @Test
    void aShownListGetsASmallChangeAsTheSameEditsAsUpdate() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new Row("r" + i, 0));
        }
        List<Row> next = new ArrayList<>(rows);
        next.set(10, new Row("r10", 1));
        next.add(500, new Row("new", 0));
        ObservableList<Row> shown = FXCollections.observableArrayList(rows);
        ObservableList<Row> plain = FXCollections.observableArrayList(rows);
        List<String> shownChanges = record(shown);
        List<String> plainChanges = record(plain);

        int edits = KeyedList.updateShown(shown, next, Row::key, 100);

        assertThat(edits).isEqualTo(KeyedList.update(plain, next, Row::key)).isEqualTo(2);
        assertThat(shownChanges).isEqualTo(plainChanges);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(shown.get(i)).isSameAs(plain.get(i));
        }
    }

    @Test
    void aPlanMadeOffTheFxThreadMakesTheEditsAndEventsOfUpdateShown() {
        Random random = new Random(7);
        List<Row> planned = List.of();
        ObservableList<Row> shown = FXCollections.observableArrayList();
        ObservableList<Row> direct = FXCollections.observableArrayList();
        List<String> shownChanges = record(shown);
        List<String> directChanges = record(direct);
        for (int round = 0; round < 200; round++) {
            List<Row> next = randomRows(random, random.nextInt(61));
            // bulkEdits 5: both small edit scripts and big setAll changes come up
            KeyedList.Plan<Row> plan = KeyedList.plan(planned, next, Row::key, 5);
            planned = plan.result();
            plan.applyTo(shown);
            int edits = KeyedList.updateShown(direct, next, Row::key, 5);

            assertThat(plan.count()).isEqualTo(edits);
            assertThat(shown).isEqualTo(next);
            assertThat(shownChanges).isEqualTo(directChanges);
            for (int i = 0; i < shown.size(); i++) {
                assertThat(shown.get(i)).isSameAs(direct.get(i));
            }
        }
    }

    private static List<Row> randomRows(Random random, int size) {
        List<Row> rows = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(i);
        }
        java.util.Collections.shuffle(keys, random);
        for (int i = 0; i < size; i++) {
            rows.add(new Row("k" + keys.get(i), random.nextInt(2)));
        }
        return rows;
    }

    private static List<String> record(ObservableList<Row> list) {
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<Row>) c -> changes.add(c.toString()));
        return changes;
    }

    /** The previous implementation: a scan for each row that is not in place. */
    private static <T, K> int scan(List<T> target, List<T> next, Function<T, K> key) {
        java.util.Set<K> wanted = new java.util.HashSet<>();
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
            int found = -1;
            for (int j = i + 1; j < target.size(); j++) {
                if (Objects.equals(key.apply(target.get(j)), k)) {
                    found = j;
                    break;
                }
            }
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
}
