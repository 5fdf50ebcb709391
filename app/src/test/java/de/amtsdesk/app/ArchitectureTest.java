package de.amtsdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layers apart (JabRef style): the core never sees JavaFX, view models never see controls. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.amtsdesk");

    @Test
    void coreAndCryptoAreFreeOfJavaFx() {
        noClasses().that().resideInAnyPackage("de.amtsdesk.core..", "de.amtsdesk.crypto..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void viewModelsUseNoControlsOrScenes() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..",
                        "javafx.fxml..", "org.controlsfx..")
                .check(CLASSES);
    }

    @Test
    void coreDoesNotDependOnTheApp() {
        noClasses().that().resideInAPackage("de.amtsdesk.core..")
                .should().dependOnClassesThat().resideInAPackage("de.amtsdesk.app..")
                .check(CLASSES);
    }
}
