package de.amtsdesk.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RowHeightsTest {

    @Test
    void latinTextsWithUmlautsAndTheAppsPunctuationShareTheRowHeight() {
        assertTrue(RowHeights.plainLatin("AMT-2026-00001", "Jürgen Weiß", "Neu (nicht zugeordnet) · Ich",
                "fällig 03.12.2026, 09:51", "Ayşe Yılmaz – Gebühr 12 €…", ""));
    }

    @Test
    void otherScriptsEmojiAndControlCharactersAreMeasuredEveryTime() {
        assertFalse(RowHeights.plainLatin("Erika", "سارا العلي"));
        assertFalse(RowHeights.plainLatin("张伟"));
        assertFalse(RowHeights.plainLatin("Jon \ud83d\ude00"));
        assertFalse(RowHeights.plainLatin("Zeile\nzwei"));
        assertFalse(RowHeights.plainLatin("\u202EBehörde"));
    }
}
