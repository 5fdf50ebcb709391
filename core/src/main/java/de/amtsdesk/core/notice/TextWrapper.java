package de.amtsdesk.core.notice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Breaks text into lines that fit a width, and makes it printable: a caseworker's text may contain tabs, control
 * characters or symbols the font lacks, and PDFBox throws on those, so they are replaced rather than refused.
 */
final class TextWrapper {

    private final PDFont font;
    private final float size;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    TextWrapper(PDFont font, float size) {
        this.font = font;
        this.size = size;
    }

    float width(String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /** One entry per printed line; an empty paragraph gives an empty line. */
    List<String> wrap(String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            wrapParagraph(paragraph.stripTrailing(), maxWidth, lines);
        }
        return lines;
    }

    private void wrapParagraph(String paragraph, float maxWidth, List<String> lines) throws IOException {
        if (paragraph.isEmpty()) {
            lines.add("");
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // A word wider than the line (a long URL or IBAN) is broken between characters.
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String next = line.toString() + Character.toString(cp);
                if (width(next) > maxWidth && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        lines.add(line.toString());
    }

    /** Tabs become spaces, other control characters vanish, glyphs the font lacks become '?'. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append("    ");
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                // dropped: invisible, and some would break the XMP or the content stream
            } else if (printable.computeIfAbsent(cp, this::hasGlyph)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
