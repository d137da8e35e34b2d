package org.gms.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The module rules of the architecture: {@code gms-server -> {gms-chat, gms-callback} -> gms-push -> gms-storage ->
 * gms-core}, the Cassandra driver only in gms-storage, the container only in gms-server, and one clock.
 */
class DependencyRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the storage test-jar (test node, clocks for tests) is on the test classpath as a jar
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.gms");

    private static final String CORE = "org.gms.core..";
    private static final String STORAGE = "org.gms.storage..";
    private static final String PUSH = "org.gms.push..";
    private static final String CALLBACK = "org.gms.callback..";
    private static final String CHAT = "org.gms.chat..";
    private static final String SERVER = "org.gms.server..";

    @Test
    void should_keep_the_cassandra_driver_inside_gms_storage() {
        noClasses().that().resideOutsideOfPackage(STORAGE)
                .should().dependOnClassesThat().resideInAnyPackage("com.datastax..")
                .check(CLASSES);
    }

    @Test
    void should_point_dependencies_from_server_to_features_to_push_to_storage_to_core() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(STORAGE, PUSH, CALLBACK, CHAT, SERVER)
                .check(CLASSES);
        noClasses().that().resideInAPackage(STORAGE)
                .should().dependOnClassesThat().resideInAnyPackage(PUSH, CALLBACK, CHAT, SERVER)
                .check(CLASSES);
        noClasses().that().resideInAPackage(PUSH)
                .should().dependOnClassesThat().resideInAnyPackage(CALLBACK, CHAT, SERVER)
                .check(CLASSES);
        // allowEmptyShould: a module without classes yet has nothing to break
        noClasses().that().resideInAPackage(CALLBACK)
                .should().dependOnClassesThat().resideInAnyPackage(CHAT, SERVER)
                .allowEmptyShould(true)
                .check(CLASSES);
        noClasses().that().resideInAPackage(CHAT)
                .should().dependOnClassesThat().resideInAnyPackage(CALLBACK, SERVER)
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void should_keep_jetty_server_and_cometd_implementation_types_inside_gms_server() {
        // feature modules use the servlet API, Jetty's client and utilities, and the CometD server API only
        noClasses().that().resideOutsideOfPackage(SERVER)
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty.server..",
                        "org.eclipse.jetty.ee10..", "org.eclipse.jetty.websocket.server..", "org.cometd.server..")
                .check(CLASSES);
    }

    @Test
    void should_keep_api_packages_free_of_servlets_and_storage_internals() {
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.gms.storage.cassandra..",
                        "org.gms.storage..cassandra..", "jakarta.servlet..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void should_build_the_servlet_base_on_the_servlet_api_and_jackson_only() {
        noClasses().that().resideInAPackage("org.gms.core.http..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "jakarta.servlet..",
                        "com.fasterxml.jackson..", "org.slf4j..", "org.gms.core..")
                .check(CLASSES);
    }

    @Test
    void should_read_the_time_from_the_injected_clock_when_main_code_needs_it() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time comes from the injected java.time.Clock, so tests can move it")
                .check(CLASSES);
        // the one clock of the process is made where the server is created
        noClasses().that().doNotHaveFullyQualifiedName(GmsServer.class.getName())
                .should().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .check(CLASSES);
    }
}
