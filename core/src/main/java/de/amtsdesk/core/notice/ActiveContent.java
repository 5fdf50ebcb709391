package de.amtsdesk.core.notice;

/**
 * Something in a PDF that a viewer might run or follow by itself. Amtsdesk never executes any of it (PDFBox has
 * no JavaScript engine and nothing here launches files); it is reported so the caseworker knows the sender tried.
 *
 * @param where the object it was found in ("object 12 0")
 */
public record ActiveContent(Kind kind, String where) {

    public enum Kind {
        JAVASCRIPT, LAUNCH, SUBMIT_FORM, IMPORT_DATA, EXTERNAL_LINK_TO_FILE, EMBEDDED_FILE
    }
}
