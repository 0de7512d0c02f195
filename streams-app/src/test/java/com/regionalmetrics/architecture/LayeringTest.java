package com.regionalmetrics.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's package arrows as checked rules (Kafka's import-control.xml idea): each package
 * depends only on the ones below it, and no two packages depend on each other.
 *
 * <pre>
 * cli ─► app ─► http ─► query ─► topology ─► article ─► extract
 *          └──► embedded ─► serde      └──► serde
 * </pre>
 */
class LayeringTest {
  private static final String ROOT = "com.regionalmetrics";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  private static String pkg(String name) {
    return ROOT + "." + name + "..";
  }

  @Test
  void extractionIsPureJava() {
    noClasses()
        .that()
        .resideInAPackage(pkg("extract"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "io.micrometer..",
            "io.javalin..",
            pkg("article"),
            pkg("serde"),
            pkg("topology"),
            pkg("query"),
            pkg("http"),
            pkg("app"),
            pkg("cli"),
            pkg("embedded"))
        .check(classes);
  }

  @Test
  void articleHelpersKnowNoKafkaNorAnythingAbove() {
    noClasses()
        .that()
        .resideInAPackage(pkg("article"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            pkg("serde"),
            pkg("topology"),
            pkg("query"),
            pkg("http"),
            pkg("app"),
            pkg("cli"),
            pkg("embedded"))
        .check(classes);
  }

  @Test
  void theTopologyIsFreeOfQueriesHttpAndWiring() {
    noClasses()
        .that()
        .resideInAPackage(pkg("topology"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            pkg("query"),
            pkg("http"),
            pkg("app"),
            pkg("cli"),
            pkg("embedded"),
            "io.javalin..",
            "io.micrometer..")
        .check(classes);
  }

  @Test
  void queriesDoNotKnowHttpOrWiring() {
    noClasses()
        .that()
        .resideInAPackage(pkg("query"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("http"), pkg("app"), pkg("cli"), pkg("embedded"), "io.javalin..")
        .check(classes);
  }

  @Test
  void httpIsAThinLayerOverQueries() {
    noClasses()
        .that()
        .resideInAPackage(pkg("http"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("topology"), pkg("app"), pkg("cli"), pkg("embedded"))
        .check(classes);
  }

  @Test
  void serdeAndEmbeddedKnowNoPipeline() {
    noClasses()
        .that()
        .resideInAnyPackage(pkg("serde"), pkg("embedded"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            pkg("extract"),
            pkg("article"),
            pkg("topology"),
            pkg("query"),
            pkg("http"),
            pkg("app"),
            pkg("cli"))
        .check(classes);
  }

  @Test
  void theCommandLineGoesThroughTheAppNotTheTopology() {
    noClasses()
        .that()
        .resideInAPackage(pkg("cli"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("topology"), pkg("embedded"), pkg("serde"))
        .check(classes);
  }

  @Test
  void noCyclesBetweenPackages() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }
}
