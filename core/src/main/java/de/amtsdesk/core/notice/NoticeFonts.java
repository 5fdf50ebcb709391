package de.amtsdesk.core.notice;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts every notice is set in. PDF/A requires every font to be embedded, and PDFBox's Standard-14 fonts
 * are only names, so we ship DejaVu Sans (Bitstream Vera licence, see {@code fonts/DejaVu-LICENSE.txt}): it has
 * every German and Western European glyph and is the font Debian installs by default.
 */
public final class NoticeFonts {

    static final String REGULAR = "/de/amtsdesk/core/notice/fonts/DejaVuSans.ttf";
    static final String BOLD = "/de/amtsdesk/core/notice/fonts/DejaVuSans-Bold.ttf";

    private NoticeFonts() {
    }

    /** Loads a shipped font into the document as an embedded subset (only the glyphs used are stored). */
    static PDType0Font load(PDDocument document, String resource) throws IOException {
        return PDType0Font.load(document, fontBytes(resource));
    }

    static InputStream fontBytes(String resource) {
        InputStream in = NoticeFonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("shipped font missing from the jar: " + resource);
        }
        return in;
    }

    /** The regular font's file, for the visible signature (DSS embeds it into the signature's appearance). */
    public static byte[] regularFontFile() throws IOException {
        try (InputStream in = fontBytes(REGULAR)) {
            return in.readAllBytes();
        }
    }
}
