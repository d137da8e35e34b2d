package org.gms.server.security.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterLogFilterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/1/storage, true",
        "/1/storage/60, true",
        "/1/storage/custom/order-42/300, true",
        "/1/service/1-6f0c/storage, true",
        "/1/service/1-6f0c/storage/subject, true",
        "/1/service/request-interaction, false",
        "/1/storagex, false",
        "/1/notification/publish, false"})
    void should_leave_the_body_to_the_storage_servlet_when_the_path_is_a_storage_path(String path, boolean storage) {
        assertThat(ParameterLogFilter.isStoragePath(path)).isEqualTo(storage);
    }
}
