package de.amtsdesk.app.casepanel;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TypePickerViewModelTest {

    private final ServiceCatalogue catalogue = ServiceCatalogue.bundled();

    @Test
    void typingNarrowsTheCatalogueToAFewMatchesWithNamePrefixesFirst() {
        TypePickerViewModel picker = new TypePickerViewModel(catalogue, Locale.GERMAN);
        assertThat(picker.choices()).hasSizeLessThanOrEqualTo(TypePickerViewModel.LIMIT).isNotEmpty();
        picker.queryProperty().set("wohngeld");
        assertThat(picker.choices()).extracting(TypePickerViewModel.Choice::key).first()
                .isEqualTo("housing.wohngeld.apply");
        assertThat(picker.choices().getFirst().label()).isEqualTo("Bauen und Wohnen › Wohngeld beantragen");
        picker.queryProperty().set("wohnsitz anmelden");
        // The exact service first (its name starts with the first word), related ones after it.
        assertThat(picker.choices()).extracting(TypePickerViewModel.Choice::key)
                .startsWith("housing.residence.register").contains("abroad.return.register")
                .doesNotContain("housing.wohngeld.apply");
        picker.queryProperty().set("gibt es nicht");
        assertThat(picker.choices()).isEmpty();
    }

    @Test
    void englishNamesInEnglish() {
        TypePickerViewModel picker = new TypePickerViewModel(catalogue, Locale.ENGLISH);
        picker.queryProperty().set("register your residence");
        assertThat(picker.choices()).extracting(TypePickerViewModel.Choice::label)
                .startsWith("Construction and Housing › Register your residence");
    }
}
