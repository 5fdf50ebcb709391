package de.amtsdesk.core.notice;

/**
 * Where the visible signature goes: a rectangle on a page, in PDF points from the page's top-left corner (as
 * DSS's field parameters expect). {@code page} counts from 1.
 */
public record SignatureBox(int page, float x, float yFromTop, float width, float height) {

    public SignatureBox {
        if (page < 1 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a signature box needs a page from 1 and a positive size");
        }
    }
}
