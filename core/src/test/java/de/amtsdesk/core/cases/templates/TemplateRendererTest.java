package de.amtsdesk.core.cases.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

    private static ReplyTemplate template(String id, String lang, String type, int version, String body) {
        return new ReplyTemplate(id, lang, type, version, "Titel " + id, body, false, "@lena:amt.example", T);
    }

    @Test
    void thePreviewFillsPlaceholdersAndNamesTheMissingOnes() {
        ReplyTemplate t = template("docs", "de", "*", 1, """
                Sehr geehrte(r) {citizen.name|Damen und Herren},
                zu Ihrem Anliegen „{case.type}" (Aktenzeichen {case.reference}) fehlen noch Unterlagen.
                Wir erledigen es bis {case.due}.
                Mit freundlichen Grüßen
                {caseworker.name}
                {unit.contact}""");

        TemplatePreview preview = TemplateRenderer.preview(t, Map.of(
                Placeholders.CASE_TYPE, "Wohngeld beantragen",
                Placeholders.CASE_REFERENCE, "BA-2026-00042",
                Placeholders.CASEWORKER_NAME, "Anna Arbeit"));

        assertThat(preview.text()).startsWith("Sehr geehrte(r) Damen und Herren,")
                .contains("„Wohngeld beantragen\" (Aktenzeichen BA-2026-00042)")
                .contains("bis {case.due}.")
                .endsWith("Anna Arbeit\n{unit.contact}");
        assertThat(preview.missing()).containsExactly("case.due", "unit.contact");
        assertThat(preview.fellBack()).containsExactly("citizen.name");
        assertThat(preview.complete()).isFalse();
    }

    @Test
    void aCompletePreviewHasNothingMissing() {
        TemplatePreview preview = TemplateRenderer.preview(template("hi", "de", "*", 1, "Guten Tag {citizen.name}!"),
                Map.of(Placeholders.CITIZEN_NAME, "Erika Mustermann"));
        assertThat(preview.text()).isEqualTo("Guten Tag Erika Mustermann!");
        assertThat(preview.complete()).isTrue();
        assertThat(preview.fellBack()).isEmpty();
    }

    @Test
    void doubledBracesAreLiteralAndABlankValueCountsAsMissing() {
        TemplatePreview preview = TemplateRenderer.preview(TemplateText.parse("{{JSON}} {citizen.name|Hallo}"),
                Map.of(Placeholders.CITIZEN_NAME, "  "));
        assertThat(preview.text()).isEqualTo("{JSON} Hallo");
        assertThat(preview.fellBack()).containsExactly("citizen.name");
    }

    @Test
    void brokenSyntaxAndUnknownPlaceholdersAreRefusedAtPublication() {
        assertThatThrownBy(() -> TemplateText.parse("Hallo {citizen.name")).hasMessageContaining("position 6");
        assertThatThrownBy(() -> TemplateText.parse("Hallo }")).hasMessageContaining("stray }");
        assertThatThrownBy(() -> TemplateText.parse("{Citizen Name}")).hasMessageContaining("no valid name");
        assertThatThrownBy(() -> template("x", "de", "*", 1, "Hallo {buerger.name}"))
                .hasMessageContaining("unknown placeholder {buerger.name}");
    }

    @Test
    void theLibraryOffersTemplatesByTypeAndFallsBackToGerman() {
        TemplateLibrary library = TemplateLibrary.of(java.util.List.of(
                template("greeting", "de", "*", 1, "Guten Tag"),
                template("greeting", "en", "*", 2, "Good morning"),
                template("photo", "de", "identity", 1, "Das Foto fehlt"),
                template("rent", "de", "housing.wohngeld.apply", 1, "Der Mietvertrag fehlt")));

        assertThat(library.forCase("identity.passport.apply", Locale.ENGLISH))
                .extracting(ReplyTemplate::id, ReplyTemplate::language)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("greeting", "en"),
                        org.assertj.core.groups.Tuple.tuple("photo", "de"));
        assertThat(library.forCase("housing.wohngeld.apply", Locale.GERMAN)).extracting(ReplyTemplate::id)
                .containsExactlyInAnyOrder("greeting", "rent");
        assertThat(library.forCase(null, Locale.GERMAN)).extracting(ReplyTemplate::id).containsExactly("greeting");
        assertThat(library.find("greeting", Locale.FRENCH)).get().extracting(ReplyTemplate::language).isEqualTo("de");
    }

    @Test
    void onlyANewerVersionReplacesTheOneInForceAndRetiredOnesAreNotOffered() {
        TemplateLibrary library = TemplateLibrary.of(java.util.List.of(template("greeting", "de", "*", 2, "v2")));
        assertThat(library.accepts(template("greeting", "de", "*", 2, "other v2"))).isFalse();
        assertThat(library.accepts(template("greeting", "de", "*", 1, "v1"))).isFalse();
        assertThat(library.accepts(template("greeting", "de", "*", 3, "v3"))).isTrue();
        assertThat(library.accepts(template("greeting", "en", "*", 1, "en v1"))).isTrue();

        ReplyTemplate retired = new ReplyTemplate("greeting", "de", "*", 3, "t", "v3", true, "@l:x", T);
        assertThat(library.with(retired).find("greeting", Locale.GERMAN)).isEmpty();
    }
}
