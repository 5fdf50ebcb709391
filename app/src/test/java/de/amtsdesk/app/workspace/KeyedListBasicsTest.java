package de.amtsdesk.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedListBasicsTest {

    record Row(String key, String value) {
    }

    @Test
    void unchangedRowsStayTheSameObjectsAndOnlyTheDifferenceIsEdited() {
        Row a = new Row("a", "1");
        Row b = new Row("b", "1");
        Row c = new Row("c", "1");
        List<Row> list = new ArrayList<>(List.of(a, b, c));
        int edits = KeyedList.update(list, List.of(new Row("a", "1"), new Row("b", "2"), new Row("c", "1"),
                new Row("d", "1")), Row::key);
        assertThat(list).extracting(Row::key).containsExactly("a", "b", "c", "d");
        assertThat(list.get(0)).isSameAs(a);
        assertThat(list.get(2)).isSameAs(c);
        assertThat(list.get(1).value()).isEqualTo("2");
        assertThat(edits).isEqualTo(2);

        KeyedList.update(list, List.of(new Row("c", "1"), new Row("a", "1")), Row::key);
        assertThat(list).extracting(Row::key).containsExactly("c", "a");
        assertThat(KeyedList.update(list, List.of(new Row("c", "1"), new Row("a", "1")), Row::key)).isZero();
    }
}
