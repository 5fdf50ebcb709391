package de.amtsdesk.app.composer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholderCheckTest {

    @Test
    void namesEveryKnownPlaceholderStillInTheReply() {
        assertThat(PlaceholderCheck.unfilled("Guten Tag {citizen.name}, Ihr Zeichen {case.reference}."))
                .containsExactly("citizen.name", "case.reference");
        assertThat(PlaceholderCheck.unfilled("Guten Tag Frau Mustermann, {Klammern} sind erlaubt.")).isEmpty();
        assertThat(PlaceholderCheck.unfilled(null)).isEmpty();
    }
}
