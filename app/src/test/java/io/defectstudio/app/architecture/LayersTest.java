package io.defectstudio.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules docs/architecture.md sets, checked on the compiled main classes of every module (this module's test class
 * path holds them all): dependencies point one way, and the app reaches the engine only through the inference API.
 */
class LayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Main classes only: the other modules' test jars on this class path hold their tests and fixtures.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.defectstudio");
    }

    @Test
    void storageAndInferenceKnowNothingOfEachOther() {
        noClasses().that().resideInAPackage("io.defectstudio.storage..")
                .should().dependOnClassesThat().resideInAPackage("io.defectstudio.inference..").check(classes);
        noClasses().that().resideInAPackage("io.defectstudio.inference..")
                .should().dependOnClassesThat().resideInAPackage("io.defectstudio.storage..").check(classes);
    }

    @Test
    void dependenciesPointOneWay() {
        noClasses().that().resideInAnyPackage("io.defectstudio.storage..", "io.defectstudio.inference..",
                        "io.defectstudio.training..")
                .should().dependOnClassesThat().resideInAPackage("io.defectstudio.app..").check(classes);
        noClasses().that().resideInAnyPackage("io.defectstudio.storage..", "io.defectstudio.inference..")
                .should().dependOnClassesThat().resideInAPackage("io.defectstudio.training..").check(classes);
    }

    @Test
    void theAppUsesNoDjlAndNoEngineInternals() {
        noClasses().that().resideInAPackage("io.defectstudio.app..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "io.defectstudio.inference.engine..")
                .check(classes);
    }

    @Test
    void viewModelsKnowNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..").check(classes);
    }

    @Test
    void theWorkstationsViewModelsKnowNoNodes() {
        noClasses().that().resideInAPackage("io.defectstudio.app.workspace..")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..").check(classes);
    }

    /** The inference API (its root package) leans on no implementation: no Segmenter-DjlSegmenter cycle. */
    @Test
    void theInferenceApiDependsOnNoImplementationPackage() {
        noClasses().that().resideInAPackage("io.defectstudio.inference")
                .should().dependOnClassesThat().resideInAPackage("io.defectstudio.inference.(*)..").check(classes);
    }

    @Test
    void theAppsFeaturePackagesFormNoCycles() {
        slices().matching("io.defectstudio.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Within every module, its packages depend on each other one way only. */
    @Test
    void noModulesPackagesFormACycle() {
        for (String module : new String[] {"storage", "inference", "training"}) {
            slices().matching("io.defectstudio." + module + ".(*)..").should().beFreeOfCycles().check(classes);
        }
    }
}
