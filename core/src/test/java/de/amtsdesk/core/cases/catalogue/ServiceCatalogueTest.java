package de.amtsdesk.core.cases.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCatalogueTest {

    private static final List<String> LIFE_SITUATIONS = List.of("Birth", "Partnership and Family",
            "School, Vocational Training and Higher Education", "Work", "Construction and Housing",
            "Taxes and Social Insurance Contributions", "Identity Papers and Documents", "Migration and Integration",
            "Mobility and Vehicles", "Elections, Civic Engagement and Participation", "Hobbies and Leisure",
            "Travelling and Spending Time Abroad", "Health Care and Prevention", "Social Benefits",
            "Rights and Consumer Protection", "Emergencies and Assistance to Victims", "Climate and the Environment",
            "Retirement and Retirement Benefits", "Death and Inheritance");

    private final ServiceCatalogue bundled = ServiceCatalogue.bundled();

    @Test
    void theBundledCatalogueHasTheNineteenLifeSituationsEachWithServices() {
        assertThat(bundled.groups()).extracting(ServiceGroup::english).containsAll(LIFE_SITUATIONS);
        for (ServiceGroup group : bundled.groups()) {
            assertThat(bundled.servicesIn(group.key())).as(group.english()).isNotEmpty();
        }
        assertThat(bundled.services()).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void commonServicesHaveTheirUsualGermanNames() {
        assertThat(bundled.service("identity.id-card.apply")).get().satisfies(s -> {
            assertThat(s.german()).isEqualTo("Personalausweis beantragen");
            assertThat(s.name(Locale.ENGLISH)).isEqualTo("Apply for an identity card");
            assertThat(bundled.group(s.groupKey()).orElseThrow().german()).isEqualTo("Ausweise und Dokumente");
        });
        assertThat(List.of("housing.residence.register", "birth.parental-allowance.apply", "mobility.vehicle.register",
                "housing.wohngeld.apply", "work.business.register")).map(k -> bundled.nameOf(k, Locale.GERMAN))
                .containsExactly("Wohnsitz anmelden", "Elterngeld beantragen", "Kfz zulassen", "Wohngeld beantragen",
                        "Gewerbe anmelden");
        // Umlauts and ß, not ASCII transliterations.
        assertThat(bundled.services()).extracting(PublicService::german)
                .contains("Führerschein umtauschen", "Übernahme der Bestattungskosten beantragen",
                        "Kfz außer Betrieb setzen")
                .noneMatch(name -> name.matches(".*\\b(fuer|Fuehrer|Aenderung|Buerger|ausser)\\b.*"));
    }

    @Test
    void unknownTypesShowAsTheirKeyAndTheTypePickerSearchesNames() {
        assertThat(bundled.nameOf("custom.local.thing", Locale.GERMAN)).isEqualTo("custom.local.thing");
        assertThat(bundled.search("wohngeld", Locale.GERMAN)).extracting(PublicService::key)
                .contains("housing.wohngeld.apply");
        assertThat(bundled.search("passport", Locale.ENGLISH)).extracting(PublicService::key)
                .contains("identity.passport.apply", "identity.child-passport.apply");
    }

    @Test
    void aLargerCatalogueInTheSameFormatLoads(@TempDir Path dir) throws Exception {
        StringBuilder json = new StringBuilder("""
                {"format":"amtsdesk-service-catalogue","v":1,"id":"land-x-2027",
                 "groups":[{"key":"birth","de":"Geburt","en":"Birth"},{"key":"work","de":"Arbeit","en":"Work"}],
                 "services":[
                """);
        for (int i = 0; i < 5000; i++) {
            json.append(i == 0 ? "" : ",\n").append("""
                    {"key":"work.service-%d.apply","group":"work","de":"Leistung %d beantragen","en":"Apply for service %d"}"""
                    .formatted(i, i, i));
        }
        json.append("]}");
        Path file = dir.resolve("services-land-x.json");
        Files.writeString(file, json);

        ServiceCatalogue large = CatalogueLoader.load(file);

        assertThat(large.id()).isEqualTo("land-x-2027");
        assertThat(large.services()).hasSize(5000);
        assertThat(large.service("work.service-4999.apply")).get().extracting(PublicService::german)
                .isEqualTo("Leistung 4999 beantragen");
    }

    @Test
    void everyMistakeIsReportedWithItsLineAndKey() {
        String broken = """
                {"format":"amtsdesk-service-catalogue","v":1,
                 "groups":[
                  {"key":"birth","de":"Geburt","en":"Birth"},
                  {"key":"birth","de":"Geburt","en":"Birth"}
                 ],
                 "services":[
                  {"key":"birth.certificate.apply","group":"birth","de":"Geburtsurkunde beantragen","en":"Apply"},
                  {"key":"birth.certificate.apply","group":"birth","de":"Nochmal","en":"Again"},
                  {"key":"tax.return","group":"taxes","de":"Steuererklärung","en":"Tax return"},
                  {"key":"birth.name","group":"birth","de":"Namen bestimmen"},
                  {"key":"birth.colour","group":"birth","de":"x","en":"y","colour":"red"},
                  {"key":"Birth Name","group":"birth","de":"x","en":"y"},
                  {"key":"birth.blank","group":"birth","de":" ","en":"y"}
                 ]}""";

        assertThatThrownBy(() -> load(broken)).isInstanceOfSatisfying(CatalogueException.class, e -> {
            assertThat(e.problems()).extracting(CatalogueProblem::toString).containsExactly(
                    "line 4 (birth): group key used twice (first on line 3)",
                    "line 8 (birth.certificate.apply): service key used twice (first on line 7)",
                    "line 9 (tax.return): group \"taxes\" does not exist",
                    "line 10 (birth.name): \"en\" is missing",
                    "line 11 (birth.colour): unknown field \"colour\"",
                    "line 12 (Birth Name): service key must be dotted lower-case words like \"identity.id-card.apply\"",
                    "line 13 (birth.blank): \"de\" must be non-empty text");
            assertThat(e.getMessage()).startsWith("test.json: 7 problem(s)");
        });
    }

    @Test
    void theFileItselfMustBeACatalogue() {
        assertThatThrownBy(() -> load("{\"format\":\"something-else\",\"v\":2,\"groups\":[],\"services\":[]}"))
                .hasMessageContaining("\"format\" must be").hasMessageContaining("\"v\" must be 1");
        assertThatThrownBy(() -> load("{\"format\":\"amtsdesk-service-catalogue\",\"v\":1,\n\"groups\":[,]}"))
                .isInstanceOfSatisfying(CatalogueException.class, e -> assertThat(e.problems().getFirst().line()).isEqualTo(2))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void bundledKeysAreUniqueAndWellFormed() {
        assertThat(new HashSet<>(bundled.services().stream().map(PublicService::key).toList()))
                .hasSize(bundled.services().size());
        assertThat(bundled.services()).allSatisfy(s -> {
            assertThat(s.key()).matches("[a-z0-9-]+(\\.[a-z0-9-]+)+");
            assertThat(s.german()).isNotBlank();
            assertThat(s.english()).isNotBlank().isNotEqualTo(s.german());
        });
    }

    private static ServiceCatalogue load(String json) throws Exception {
        return CatalogueLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
