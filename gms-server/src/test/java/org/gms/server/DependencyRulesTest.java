package org.gms.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module rules of the architecture: one dependency direction, and the driver only inside gms-storage. */
class DependencyRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gms");

    @Test
    void should_keep_the_cassandra_driver_inside_gms_storage() {
        noClasses().that().resideInAnyPackage("org.gms.push..", "org.gms.callback..", "org.gms.server..")
                .should().dependOnClassesThat().resideInAnyPackage("com.datastax..")
                .check(CLASSES);
    }

    @Test
    void should_point_dependencies_from_server_to_callback_to_push_to_storage() {
        noClasses().that().resideInAPackage("org.gms.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gms.push..", "org.gms.callback..", "org.gms.server..")
                .check(CLASSES);
        // allowEmptyShould: a module without classes yet has nothing to break
        noClasses().that().resideInAPackage("org.gms.push..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gms.callback..", "org.gms.server..")
                .allowEmptyShould(true)
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.gms.callback..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gms.server..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void should_keep_jetty_server_and_cometd_types_inside_gms_server() {
        noClasses().that().resideInAnyPackage("org.gms.storage..", "org.gms.push..", "org.gms.callback..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty.server..",
                        "org.eclipse.jetty.ee10..", "org.cometd..")
                .check(CLASSES);
    }
}
