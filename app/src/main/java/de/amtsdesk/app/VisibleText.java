package de.amtsdesk.app;

/**
 * Message text as the caseworker should see it. Bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) reorder what is displayed: "Rechnung\u202Efdp.exe" reads as "Rechnungexe.pdf", an IBAN can show its
 * digits in another order. They are shown as visible "[U+202E]" marks instead of being obeyed. They are not removed
 * (what the citizen sent is kept as sent: saved text is unchanged), and the marks that right-to-left scripts need
 * for ordinary text (U+200E, U+200F, U+061C) and the joiners of emoji sequences (U+200D) stay untouched.
 */
public final class VisibleText {

    private VisibleText() {
    }

    public static String markBidiControls(String text) {
        if (text == null || text.chars().noneMatch(VisibleText::isBidiControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBidiControl(c)) {
                out.append("[U+").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append(']');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
