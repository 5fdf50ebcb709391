package de.amtsdesk.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    private static final List<String> RESERVED = List.of("Sie", "Behörde (Sie)", "You", "Agency (you)", "Behörde",
            "Agency");
    private static final String MALLORY = "@mallory:evil.example";

    @Test
    void bidiOverridesIsolatesAndZeroWidthCharactersAreRemoved() {
        assertThat(DisplayNames.sanitise("Erika\u202E nnamretsuM")).isEqualTo("Erika nnamretsuM");
        assertThat(DisplayNames.sanitise("\u2066Er\u200Bika\u2069 \u200DMuster\uFEFFmann\u200F"))
                .isEqualTo("Erika Mustermann");
        for (int cp : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B,
            0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF}) {
            assertThat(DisplayNames.sanitise("a" + Character.toString(cp) + "b")).as("U+%04X", cp).isEqualTo("ab");
        }
    }

    @Test
    void lineBreaksAndRunsOfSpaceCollapse() {
        assertThat(DisplayNames.sanitise("  Max\n\tMeier\u00A0 ")).isEqualTo("Max Meier");
        assertThat(DisplayNames.sanitise(null)).isEmpty();
        assertThat(DisplayNames.sanitise("Max \u200B\u202E Meier")).as("spaces around removed characters collapse too")
                .isEqualTo("Max Meier");
        assertThat(DisplayNames.sanitise(" \u200B\t ")).isEmpty();
        assertThat(DisplayNames.sanitise("\uD83D\uDE00  Ana")).as("characters beyond the BMP stay whole")
                .isEqualTo("\uD83D\uDE00 Ana");
    }

    @Test
    void anOrdinaryNameIsShownAsItIs() {
        assertThat(DisplayNames.forSender("Erika Mustermann", "@erika:b.example", RESERVED))
                .isEqualTo("Erika Mustermann");
        assertThat(DisplayNames.forSender("Siegfried", "@s:b.example", RESERVED)).isEqualTo("Siegfried");
    }

    @Test
    void aNameThatEqualsTheOwnLabelGetsTheUserIdAppended() {
        assertThat(DisplayNames.forSender("Sie", MALLORY, RESERVED)).isEqualTo("Sie (" + MALLORY + ")");
        assertThat(DisplayNames.forSender("Behörde (Sie)", MALLORY, RESERVED))
                .isEqualTo("Behörde (Sie) (" + MALLORY + ")");
        assertThat(DisplayNames.forSender("you", MALLORY, RESERVED)).endsWith("(" + MALLORY + ")");
    }

    @Test
    void imitationsAreCaughtToo() {
        // Hidden characters, other punctuation, full-width and Cyrillic look-alike letters, added words.
        assertThat(DisplayNames.forSender("S\u200Bie", MALLORY, RESERVED)).isEqualTo("Sie (" + MALLORY + ")");
        assertThat(DisplayNames.forSender("Behörde - Sie", MALLORY, RESERVED)).endsWith("(" + MALLORY + ")");
        assertThat(DisplayNames.forSender("ＳＩＥ", MALLORY, RESERVED)).endsWith("(" + MALLORY + ")");
        assertThat(DisplayNames.forSender("Bеhördе", MALLORY, RESERVED)).as("Cyrillic e").endsWith("(" + MALLORY + ")");
        assertThat(DisplayNames.forSender("Behörde Musterstadt", MALLORY, RESERVED)).endsWith("(" + MALLORY + ")");
        assertThat(DisplayNames.forSender("\u202EeiS", MALLORY, RESERVED)).as("reversed on screen only")
                .isEqualTo("eiS");
    }

    @Test
    void anEmptyOrInvisibleNameFallsBackToTheUserId() {
        assertThat(DisplayNames.forSender("\u200B\u202E ", MALLORY, RESERVED)).isEqualTo(MALLORY);
        assertThat(DisplayNames.forSender(null, MALLORY, RESERVED)).isEqualTo(MALLORY);
    }
}
