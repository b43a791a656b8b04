package io.hilharness.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md, checked on the compiled classes: a dependency that points up a
 * layer, or a cycle between two packages, fails the build instead of growing unnoticed.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hilharness");
    }

    /** Every package is a slice of its own: sub-packages such as diagnose.rules count as packages too. */
    static ArchRule noPackageCycles() {
        return slices().matching("io.hilharness.(**)").should().beFreeOfCycles();
    }

    /** The layers, from the top (commands) to the bottom (what every layer may use). */
    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("commands").definedBy("io.hilharness.cli..")
                .layer("orchestration").definedBy("io.hilharness.runner..", "io.hilharness.bench..",
                        "io.hilharness.soak..", "io.hilharness.junit..")
                .layer("campaign").definedBy("io.hilharness.campaign..")
                .layer("reading").definedBy("io.hilharness.report..", "io.hilharness.diagnose..",
                        "io.hilharness.analyze..")
                .layer("run model").definedBy("io.hilharness.run..", "io.hilharness.correlate..")
                .layer("drivers").definedBy("io.hilharness.board..", "io.hilharness.client..",
                        "io.hilharness.console..", "io.hilharness.devlog..", "io.hilharness.certs..",
                        "io.hilharness.image..", "io.hilharness.lab..", "io.hilharness.capture..",
                        "io.hilharness.netns..",
                        "io.hilharness.crash..")
                .layer("foundation").definedBy("io.hilharness.json..", "io.hilharness.secrets..")
                .whereLayer("commands").mayNotBeAccessedByAnyLayer()
                .whereLayer("orchestration").mayOnlyBeAccessedByLayers("commands")
                .whereLayer("campaign").mayOnlyBeAccessedByLayers("commands", "orchestration")
                .whereLayer("reading").mayOnlyBeAccessedByLayers("commands", "orchestration")
                .whereLayer("run model").mayOnlyBeAccessedByLayers("commands", "orchestration", "campaign", "reading")
                .whereLayer("drivers").mayOnlyBeAccessedByLayers("commands", "orchestration", "campaign", "reading",
                        "run model");
    }

    /** A rule that cannot fail proves nothing: two test packages that call each other must break it. */
    @Test
    void aCycleIsFound() {
        JavaClasses cyclic = new ClassFileImporter().importPackages("io.hilharness.architecture.cyclic");
        EvaluationResult result = noPackageCycles().evaluate(cyclic);
        assertTrue(result.hasViolation(), "two packages that call each other are a cycle");
        assertTrue(result.getFailureReport().toString().contains("up"), result.getFailureReport().toString());
    }

    @Test
    void packagesHaveNoCycles() {
        noPackageCycles().check(classes);
    }

    @Test
    void dependenciesPointDownTheLayers() {
        layers().check(classes);
    }
}
