package de.amtsdesk.core.notice;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A page of a notice as an image, for the editor's live preview. AWT images only (no JavaFX here); the app
 * converts them with SwingFXUtils. Meant for our own drafts: incoming PDFs go through {@link NoticeVerifier}.
 */
public final class NoticePreview {

    private NoticePreview() {
    }

    /** @param pageIndex from 0; @param dpi 72 is the PDF's own size, 96 fits a screen */
    public static BufferedImage render(byte[] pdf, int pageIndex, float dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (pageIndex < 0 || pageIndex >= document.getNumberOfPages()) {
                throw new IllegalArgumentException(
                        "page " + pageIndex + " does not exist; the notice has " + document.getNumberOfPages());
            }
            return new PDFRenderer(document).renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        }
    }
}
