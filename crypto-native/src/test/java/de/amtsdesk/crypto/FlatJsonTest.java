package de.amtsdesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlatJsonTest {

    @Test
    void readsAnObjectOfStrings() {
        assertThat(FlatJson.parseStringObject(" { \"a\" : \"x/y+z\", \"b\":\"\\\"q\\\\ \\u00fc\\n\" } "))
                .containsExactly(org.assertj.core.api.Assertions.entry("a", "x/y+z"),
                        org.assertj.core.api.Assertions.entry("b", "\"q\\ ü\n"));
        assertThat(FlatJson.parseStringObject("{}")).isEmpty();
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {"", "[]", "{\"a\":1}", "{\"a\":\"x\"", "{\"a\":\"x\"} x", "{\"a\":\"x\",\"a\":\"y\"}",
                "{\"a\":\"\\q\"}", "{\"a\":\"\\u12\"}", "{a:\"x\"}"}) {
            assertThatThrownBy(() -> FlatJson.parseStringObject(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
