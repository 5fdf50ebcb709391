package de.amtsdesk.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.i18n.BundleAudit;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class NoticeComposeTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:15:30Z"), ZoneOffset.UTC);
    static final Letterhead LETTERHEAD = new Letterhead("Stadt Musterstadt – Bürgeramt",
            List.of("Rathausplatz 1", "12345 Musterstadt"), "Telefon 0123 4567-0 · buergeramt@musterstadt.example");

    static NoticeFacts facts(Locale locale) {
        return NoticeFacts.of(LETTERHEAD, "BA-2026-00042", "identity.id-card.apply", "Erika Mustermann",
                "Jörg Weiß", LocalDate.of(2026, 12, 2), locale,
                Map.of("case.type", locale.getLanguage().equals("de") ? "Personalausweis beantragen"
                        : "Apply for an identity card"));
    }

    static NoticeDraft draft(String templateId, Locale locale) {
        NoticeTemplate template = NoticeTemplateCatalogue.builtIn().find(templateId, locale).orElseThrow();
        return NoticeComposer.compose(template, facts(locale));
    }

    static NoticePdfWriter.RenderedNotice render(String templateId, Locale locale) throws Exception {
        return new NoticePdfWriter(CLOCK).write(draft(templateId, locale));
    }

    @Test
    void templatesAreOfferedPerCaseTypeMostSpecificFirstInBothLanguages() {
        NoticeTemplateCatalogue catalogue = NoticeTemplateCatalogue.builtIn();
        assertThat(catalogue.forCase("identity.id-card.apply", Locale.GERMAN)).extracting(NoticeTemplate::id)
                .containsExactly("identity.documents-missing", "general.decision");
        assertThat(catalogue.forCase("housing.rent.apply", Locale.ENGLISH))
                .extracting(NoticeTemplate::id, NoticeTemplate::language)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("general.decision", "en"));
        // French is not translated: the binding German text is offered
        assertThat(catalogue.find("general.decision", Locale.FRENCH).orElseThrow().language()).isEqualTo("de");
    }

    @Test
    void aTemplateNamingAnUnknownPlaceholderIsRejected() {
        assertThatThrownBy(() -> new NoticeTemplate("x", "de", "*", "Titel", "Hallo {citizen.iban}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("citizen.iban");
    }

    @Test
    void composingFillsTheCaseDataAndReportsGaps() {
        NoticeDraft draft = draft("general.decision", Locale.GERMAN);
        assertThat(draft.complete()).isTrue();
        assertThat(draft.title()).isEqualTo("Bescheid zu Ihrem Anliegen Personalausweis beantragen");
        assertThat(draft.body()).startsWith("Sehr geehrte(r) Jörg Weiß,")
                .contains("Aktenzeichen BA-2026-00042").contains("bei Stadt Musterstadt – Bürgeramt einzulegen")
                .endsWith("Erika Mustermann");

        NoticeFacts noCaseworker = NoticeFacts.of(LETTERHEAD, "BA-1", null, null, null, LocalDate.of(2026, 1, 5),
                Locale.GERMAN, Map.of());
        NoticeDraft gappy = NoticeComposer.compose(
                NoticeTemplateCatalogue.builtIn().find("general.decision", Locale.GERMAN).orElseThrow(), noCaseworker);
        assertThat(gappy.complete()).isFalse();
        assertThat(gappy.missing()).containsExactly("caseworker.name");
        assertThat(gappy.body()).startsWith("Sehr geehrte(r) Damen und Herren,").endsWith("{caseworker.name}");
    }

    @Test
    void germanNoticeIsPdfA3bWithEmbeddedFontLetterheadAndMetadata() throws Exception {
        NoticePdfWriter.RenderedNotice notice = render("general.decision", Locale.GERMAN);

        PdfA.Result pdfa = PdfA.validate3b(notice.pdf());
        assertThat(pdfa.failures()).isEmpty();
        assertThat(pdfa.compliant()).isTrue();

        try (PDDocument document = Loader.loadPDF(notice.pdf())) {
            assertThat(document.getNumberOfPages()).isEqualTo(notice.pageCount()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Stadt Musterstadt – Bürgeramt", "Aktenzeichen", "BA-2026-00042",
                    "2. Dezember 2026", "Bearbeitet von", "Erika Mustermann", "Jörg Weiß", "Seite 1 von 1");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("DejaVuSans");
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                    "xml:lang=\"x-default\"", "2026-12-02T10:15:30+00:00");
            assertThat(document.getDocumentCatalog().getOutputIntents()).singleElement()
                    .satisfies(i -> assertThat(i.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1"));
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Bescheid zu Ihrem Anliegen Personalausweis beantragen");
        }
        assertThat(notice.sha256()).hasSize(64).isEqualTo(NoticeHash.sha256Hex(notice.pdf()));
    }

    @Test
    void englishNoticeAndALongNoticeSpanningPagesStayPdfA3b() throws Exception {
        NoticePdfWriter.RenderedNotice english = render("general.decision", Locale.ENGLISH);
        assertThat(PdfA.validate3b(english.pdf()).compliant()).isTrue();
        try (PDDocument document = Loader.loadPDF(english.pdf())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Reference", "December 2, 2026",
                    "Caseworker", "Page 1 of 1", "Dear Jörg Weiß");
        }

        String longBody = ("Absatz mit Umlauten äöüß, Euro € und einem Tabulator\tund Steuerzeichen \u0007. "
                + "Ein sehr langes Wort: " + "Donaudampfschifffahrtsgesellschaftskapitän".repeat(8) + "\n\n").repeat(25);
        NoticeDraft draft = new NoticeDraft(facts(Locale.GERMAN), "custom", "Langer Bescheid", longBody
                + "Schriftzeichen ohne Glyphe: \u6F22 Ende.", List.of());
        NoticePdfWriter.RenderedNotice longNotice = new NoticePdfWriter(CLOCK).write(draft);
        assertThat(longNotice.pageCount()).isGreaterThan(3);
        assertThat(PdfA.validate3b(longNotice.pdf()).failures()).isEmpty();
        try (PDDocument document = Loader.loadPDF(longNotice.pdf())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(longNotice.pageCount());
            assertThat(stripper.getText(document)).contains("Schriftzeichen ohne Glyphe: ? Ende.")
                    .contains("Seite " + longNotice.pageCount() + " von " + longNotice.pageCount());
        }
    }

    @Test
    void previewRendersTheFirstPageAsAnImage() throws Exception {
        NoticePdfWriter.RenderedNotice notice = render("identity.documents-missing", Locale.GERMAN);
        BufferedImage page = NoticePreview.render(notice.pdf(), 0, 72);
        // A4 at 72 dpi is 595 x 842 points
        assertThat(page.getWidth()).isEqualTo(595);
        assertThat(page.getHeight()).isBetween(841, 842);
        long dark = 0;
        for (int x = 0; x < page.getWidth(); x += 2) {
            for (int y = 0; y < page.getHeight(); y += 2) {
                if ((page.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("the page has text on it").isGreaterThan(1000);
        assertThatThrownBy(() -> NoticePreview.render(notice.pdf(), 5, 72)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothLanguagesCarryTheSameNoticeTexts() {
        assertThat(BundleAudit.problems(NoticePdfWriter.MESSAGES, getClass().getClassLoader())).isEmpty();
    }
}
