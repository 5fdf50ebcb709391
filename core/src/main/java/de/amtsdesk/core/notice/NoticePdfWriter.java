package de.amtsdesk.core.notice;

import static de.amtsdesk.core.notice.NoticeLayout.BODY_BOTTOM;
import static de.amtsdesk.core.notice.NoticeLayout.LEFT;
import static de.amtsdesk.core.notice.NoticeLayout.MM;
import static de.amtsdesk.core.notice.NoticeLayout.PAGE;
import static de.amtsdesk.core.notice.NoticeLayout.SIGNATURE_HEIGHT;
import static de.amtsdesk.core.notice.NoticeLayout.TEXT_WIDTH;
import static de.amtsdesk.core.notice.NoticeLayout.TOP;

import de.amtsdesk.core.i18n.Translations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Renders a notice draft into a PDF/A-3b document: letterhead, info block (reference, date, caseworker),
 * recipient, title, body, page footer; the bottom of the last page stays free for the visible signature.
 */
public final class NoticePdfWriter {

    static final String MESSAGES = "de.amtsdesk.core.notice.messages";
    private static final float BODY_SIZE = 11;
    private static final float BODY_LEADING = 15;
    private static final float SMALL_SIZE = 8.5f;
    private static final float SMALL_LEADING = 11;
    private static final float INFO_X = 125 * MM;

    private final Clock clock;

    public NoticePdfWriter(Clock clock) {
        this.clock = clock;
    }

    /** A rendered notice: the PDF bytes and how many pages they have (the signature goes on the last). */
    public record RenderedNotice(byte[] pdf, int pageCount) {
        public SignatureBox signatureBox() {
            return NoticeLayout.signatureBox(pageCount);
        }

        public String sha256() {
            return NoticeHash.sha256Hex(pdf);
        }
    }

    public RenderedNotice write(NoticeDraft draft) throws IOException {
        return write(draft, List.of());
    }

    /** With attachments embedded as PDF/A-3 associated files (inside the signed bytes once signed). */
    public RenderedNotice write(NoticeDraft draft, List<NoticeAttachment> attachments) throws IOException {
        NoticeFacts facts = draft.facts();
        Translations labels = Translations.load(MESSAGES, facts.locale());
        try (PDDocument document = new PDDocument()) {
            PDFont regular = NoticeFonts.load(document, NoticeFonts.REGULAR);
            PDFont bold = NoticeFonts.load(document, NoticeFonts.BOLD);
            TextWrapper body = new TextWrapper(regular, BODY_SIZE);
            TextWrapper small = new TextWrapper(regular, SMALL_SIZE);
            TextWrapper heading = new TextWrapper(bold, 12);

            List<String> titleLines = heading.wrap(draft.title(), TEXT_WIDTH);
            List<String> bodyLines = body.wrap(draft.body(), TEXT_WIDTH);
            float firstPageBodyTop = PAGE.getHeight() - 95 * MM - titleLines.size() * 16 - 8;
            float laterPageBodyTop = PAGE.getHeight() - TOP - 10 * MM;
            List<List<String>> pages = paginate(bodyLines, firstPageBodyTop, laterPageBodyTop);

            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    if (p == 0) {
                        drawLetterhead(out, facts, labels, regular, bold, small);
                        float y = PAGE.getHeight() - 95 * MM;
                        for (String line : titleLines) {
                            show(out, bold, 12, LEFT, y, line);
                            y -= 16;
                        }
                    } else {
                        show(out, regular, SMALL_SIZE, LEFT, PAGE.getHeight() - TOP,
                                small.printable(labels.get("notice.reference") + " " + facts.reference()));
                    }
                    float y = p == 0 ? firstPageBodyTop : laterPageBodyTop;
                    for (String line : pages.get(p)) {
                        show(out, regular, BODY_SIZE, LEFT, y, line);
                        y -= BODY_LEADING;
                    }
                    String footer = labels.get("notice.page", p + 1, pages.size());
                    show(out, regular, SMALL_SIZE, PAGE.getWidth() - NoticeLayout.RIGHT - small.width(footer),
                            12 * MM, footer);
                }
            }
            String title = body.printable(draft.title());
            String author = body.printable(facts.letterhead().unitName());
            ZonedDateTime now = ZonedDateTime.now(clock);
            PdfAConformance.apply(document, title, author, facts.locale().toLanguageTag(), now);
            AssociatedFiles.embed(document, attachments, java.util.GregorianCalendar.from(now));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return new RenderedNotice(bytes.toByteArray(), pages.size());
        }
    }

    /** Fills pages with lines; adds a page when the last one has no room left for the signature box. */
    private static List<List<String>> paginate(List<String> lines, float firstTop, float laterTop) {
        List<List<String>> pages = new ArrayList<>();
        List<String> current = new ArrayList<>();
        float y = firstTop;
        for (String line : lines) {
            if (y < BODY_BOTTOM) {
                pages.add(current);
                current = new ArrayList<>();
                y = laterTop;
            }
            current.add(line);
            y -= BODY_LEADING;
        }
        pages.add(current);
        if (y < BODY_BOTTOM + SIGNATURE_HEIGHT) {
            pages.add(new ArrayList<>());
        }
        return pages;
    }

    private static void drawLetterhead(PDPageContentStream out, NoticeFacts facts, Translations labels,
            PDFont regular, PDFont bold, TextWrapper small) throws IOException {
        Letterhead letterhead = facts.letterhead();
        float y = PAGE.getHeight() - TOP - 4 * MM;
        TextWrapper unitName = new TextWrapper(bold, 13);
        for (String line : unitName.wrap(letterhead.unitName(), INFO_X - LEFT - 5 * MM)) {
            show(out, bold, 13, LEFT, y, line);
            y -= 16;
        }
        for (String address : letterhead.addressLines()) {
            for (String line : small.wrap(address, INFO_X - LEFT - 5 * MM)) {
                show(out, regular, SMALL_SIZE, LEFT, y, line);
                y -= SMALL_LEADING;
            }
        }
        if (!letterhead.contact().isBlank()) {
            for (String line : small.wrap(letterhead.contact(), INFO_X - LEFT - 5 * MM)) {
                show(out, regular, SMALL_SIZE, LEFT, y, line);
                y -= SMALL_LEADING;
            }
        }

        float infoWidth = PAGE.getWidth() - NoticeLayout.RIGHT - INFO_X;
        float infoY = PAGE.getHeight() - TOP - 4 * MM;
        String[][] info = {
            {labels.get("notice.reference"), facts.reference()},
            {labels.get("notice.date"), NoticeFacts.formatDate(facts.date(), facts.locale())},
            {labels.get("notice.caseworker"), facts.caseworker() == null ? "–" : facts.caseworker()},
        };
        for (String[] row : info) {
            show(out, bold, SMALL_SIZE, INFO_X, infoY, small.printable(row[0]));
            infoY -= SMALL_LEADING;
            for (String line : small.wrap(row[1], infoWidth)) {
                show(out, regular, SMALL_SIZE, INFO_X, infoY, line);
                infoY -= SMALL_LEADING;
            }
            infoY -= 3;
        }

        // Recipient window (DIN 5008 form B: 50 mm from the top)
        float recipientY = PAGE.getHeight() - 55 * MM;
        String recipient = facts.citizenName() == null ? "" : facts.citizenName();
        for (String line : new TextWrapper(regular, BODY_SIZE).wrap(recipient, 80 * MM)) {
            show(out, regular, BODY_SIZE, LEFT, recipientY, line);
            recipientY -= BODY_LEADING;
        }
    }

    private static void show(PDPageContentStream out, PDFont font, float size, float x, float y, String text)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }
}
