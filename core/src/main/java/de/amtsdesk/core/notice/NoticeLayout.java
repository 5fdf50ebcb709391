package de.amtsdesk.core.notice;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The page geometry of a notice, after DIN 5008 (A4, 25 mm left and 20 mm right margin). The writer keeps the
 * bottom of the last page free for the visible signature, so signing never covers text.
 */
public final class NoticeLayout {

    static final float MM = 72f / 25.4f;
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float LEFT = 25 * MM;
    static final float RIGHT = 20 * MM;
    static final float TOP = 15 * MM;
    static final float TEXT_WIDTH = PAGE.getWidth() - LEFT - RIGHT;
    /** Body text stops here on every page (the footer sits below). */
    static final float BODY_BOTTOM = 25 * MM;
    /** Height kept free above BODY_BOTTOM on the last page for the signature. */
    static final float SIGNATURE_HEIGHT = 24 * MM;
    static final float SIGNATURE_WIDTH = 85 * MM;

    private NoticeLayout() {
    }

    /** The signature field on the last page of a notice with that many pages. */
    public static SignatureBox signatureBox(int pageCount) {
        float yFromTop = PAGE.getHeight() - BODY_BOTTOM - SIGNATURE_HEIGHT;
        return new SignatureBox(pageCount, LEFT, yFromTop, SIGNATURE_WIDTH, SIGNATURE_HEIGHT - 2 * MM);
    }
}
