package de.amtsdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A production install must not be talked into prefilled secrets: the app and the core read environment variables
 * only where a reviewed non-secret is read (AppOptions: LOCALAPPDATA), and the options carry no secret at all.
 * (The doctor gets the environment as a function for AMTSDESK_HOMESERVER/AMTSDESK_LANG; DoctorCommandTest proves
 * it ignores a password there.)
 */
class NoSecretsFromTheEnvironmentTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.amtsdesk");

    @Test
    void onlyAppOptionsReadsAnEnvironmentVariable() {
        noClasses().that().doNotHaveFullyQualifiedName(AppOptions.class.getName())
                .should().callMethod(System.class, "getenv", String.class)
                .check(PRODUCTION);
        noClasses().should().callMethod(System.class, "getenv").check(PRODUCTION);
    }

    @Test
    void appOptionsCarryNoSecrets() {
        assertThat(Arrays.stream(AppOptions.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("homeserver", "user", "dataDir", "locale", "highContrast");
    }
}
