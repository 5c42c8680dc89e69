package io.confab.bootstrap;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inward (SPEC §1): the core is plain Java, adapters are independent and use ports. */
class ArchitectureTest {

    private static final String[] ADAPTERS = {
        "io.confab.persistence..", "io.confab.llm..", "io.confab.mcp..", "io.confab.redis..", "io.confab.rest..",
        "io.confab.websocket.."};

    private static final JavaClasses CONFAB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.confab");

    @Test
    void theDomain_dependsOnTheJdkOnly() {
        classes().that().resideInAPackage("io.confab.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.confab.domain..")
                .check(CONFAB);
    }

    @Test
    void theApplication_dependsOnTheJdkAndTheDomainOnly() {
        classes().that().resideInAPackage("io.confab.application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.confab.domain..", "io.confab.application..")
                .check(CONFAB);
    }

    @Test
    void theJsonCodec_knowsOnlyTheDomainJacksonAndTheJsonSchemaValidator() {
        classes().that().resideInAPackage("io.confab.json..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "io.confab.domain..", "io.confab.json..", "com.fasterxml.jackson..", "com.networknt.schema..")
                .check(CONFAB);
    }

    @Test
    void adapters_neverDependOnEachOther() {
        slices().matching("io.confab.(persistence|llm|mcp|redis|rest|websocket)..")
                .should().notDependOnEachOther()
                .allowEmptyShould(true)
                .check(CONFAB);
    }

    @Test
    void onlyTheRedisAdapter_knowsRedis() {
        noClasses().that().resideOutsideOfPackage("io.confab.redis..")
                .should().dependOnClassesThat().resideInAPackage("redis.clients..")
                .check(CONFAB);
    }

    @Test
    void adapters_useTheUseCasesAndPorts_neverTheServicesOrTheTurnMachinery() {
        noClasses().that().resideInAnyPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.confab.application.service..", "io.confab.application.turn..")
                .orShould().dependOnClassesThat(resideInAPackage("io.confab.application..")
                        .and(simpleNameEndingWith("Service")))
                .check(CONFAB);
    }

    @Test
    void nothingButBootstrap_dependsOnBootstrap() {
        noClasses().that().resideOutsideOfPackage("io.confab.bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("io.confab.bootstrap..")
                .check(CONFAB);
    }

    @Test
    void noMainCode_dependsOnTheTestkit() {
        noClasses().that().resideOutsideOfPackage("io.confab.testkit..")
                .should().dependOnClassesThat().resideInAPackage("io.confab.testkit..")
                .check(CONFAB);
    }

    @Test
    void theTestkit_knowsTheDomainAndTheWireFormats_neverTheAdaptersOrTheApplication() {
        classes().that().resideInAPackage("io.confab.testkit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.sun.net.httpserver..",
                        "io.confab.domain..", "io.confab.json..", "io.confab.testkit..", "com.fasterxml.jackson..",
                        "io.jsonwebtoken..", "org.junit..", "org.assertj..")
                .check(CONFAB);
    }
}
