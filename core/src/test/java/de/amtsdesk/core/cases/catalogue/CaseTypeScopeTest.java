package de.amtsdesk.core.cases.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseTypeScopeTest {

    @Test
    void aScopeCoversItselfAndWhatLiesBelowItOnly() {
        assertThat(CaseTypeScope.covers("housing", "housing")).isTrue();
        assertThat(CaseTypeScope.covers("housing", "housing.wohngeld.apply")).isTrue();
        assertThat(CaseTypeScope.covers("housing.wohngeld", "housing.wohngeld.apply")).isTrue();
        assertThat(CaseTypeScope.covers("housing", "housingaid.apply")).as("a longer word is not below").isFalse();
        assertThat(CaseTypeScope.covers("housing.wohngeld.apply", "housing")).as("above is not below").isFalse();
        assertThat(CaseTypeScope.covers("housing", null)).isFalse();
    }
}
