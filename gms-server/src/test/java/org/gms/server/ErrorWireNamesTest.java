package org.gms.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;
import org.junit.jupiter.api.Test;

/**
 * Every error type of every module, with the {@code exception} name clients see. A class may move; its wire name
 * may not change without this table (and docs/errors.md) changing with it.
 */
class ErrorWireNamesTest {

    private static final Map<String, String> WIRE_NAMES = Map.ofEntries(
            Map.entry("org.gms.core.error.BadRequestException", "com.genesyslab.gsg.GSGException"),
            Map.entry("org.gms.core.error.ForbiddenException", "org.gms.storage.error.ForbiddenException"),
            Map.entry("org.gms.core.error.HttpStatusException", "org.gms.server.http.HttpException"),
            Map.entry("org.gms.core.error.InternalErrorException", "java.lang.RuntimeException"),
            Map.entry("org.gms.core.error.MethodNotAllowedException", "org.gms.server.http.MethodNotAllowedException"),
            Map.entry("org.gms.core.error.NotFoundException", "org.gms.storage.error.NotFoundException"),
            Map.entry("org.gms.core.error.PayloadTooLargeException", "org.gms.storage.error.PayloadTooLargeException"),
            Map.entry("org.gms.core.error.ServiceUnavailableException",
                    "org.gms.storage.error.ServiceUnavailableException"),
            Map.entry("org.gms.core.error.TooManyRequestsException",
                    "org.gms.server.security.limit.TooManyRequestsException"),
            Map.entry("org.gms.core.error.UnsupportedMediaTypeException",
                    "org.gms.server.http.UnsupportedMediaTypeException"),
            Map.entry("org.gms.storage.error.StorageException", "org.gms.storage.error.StorageException"),
            Map.entry("org.gms.storage.error.StorageUnavailableException",
                    "org.gms.storage.error.StorageUnavailableException"),
            Map.entry("org.gms.callback.capacity.CapacityException",
                    "com.genesyslab.gsg.services.capacity.CapacityException"),
            Map.entry("org.gms.callback.api.CallbackException",
                    "com.genesyslab.gsg.services.callback.exceptions.CallbackException"),
            Map.entry("org.gms.callback.api.CallbackNumberException",
                    "com.genesyslab.gsg.services.callback.exceptions.CallbackExceptionNumber"),
            Map.entry("org.gms.callback.api.CallbackNotFoundException",
                    "com.genesyslab.gsg.services.callback.exceptions.CallbackExceptionNotFound"),
            Map.entry("org.gms.callback.api.CallbackUnavailableException",
                    "com.genesyslab.gsg.services.callback.exceptions.CallbackExceptionServiceUnavailable"),
            Map.entry("org.gms.callback.api.OrsServiceException",
                    "com.genesyslab.gsg.services.ors.OrsServiceException"),
            Map.entry("org.gms.chat.api.ChatConflictException", "org.gms.chat.ChatConflictException"),
            Map.entry("org.gms.core.error.ServiceConfigurationException",
                    "com.genesyslab.gsg.services.ServiceException"),
            Map.entry("org.gms.server.security.auth.PasswordChecksBusyException",
                    "org.gms.storage.error.ServiceUnavailableException"),
            Map.entry("org.gms.server.security.auth.PermissionDeniedException",
                    "com.genesyslab.platform.applicationblocks.com.ConfigServerException"));

    @Test
    void should_declare_the_listed_wire_name_on_every_error_type_when_the_modules_are_scanned() throws Exception {
        Map<String, String> declared = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("org.gms")) {
            if (!type.isAssignableTo(GmsException.class) || type.getModifiers().contains(JavaModifier.ABSTRACT)) {
                continue;
            }
            Class<?> error = type.reflect();
            WireName name = error.getAnnotation(WireName.class);
            declared.put(type.getName(), name == null ? "(none declared)" : name.value());
        }
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(WIRE_NAMES);
    }

    @Test
    void should_document_every_wire_name_when_docs_errors_is_read() throws Exception {
        String documented = Files.readString(Path.of("..", "docs", "errors.md"));
        assertThat(WIRE_NAMES.values()).allSatisfy(name -> assertThat(documented).contains("`" + name + "`"));
    }
}
