package org.gms.storage.test;

import java.nio.file.Path;
import java.util.Map;
import org.gms.core.config.ConfigSnapshot;
import org.gms.storage.CassandraSettings;

/** Storage settings for tests, from a {@code [cassandra]} section written as in gms.ini. */
public final class TestSettings {

    private TestSettings() {
    }

    public static CassandraSettings cassandra(Map<String, String> section, Path home) {
        return CassandraSettings.from(ConfigSnapshot.of(CassandraSettings.OPTIONS,
                Map.of(CassandraSettings.SECTION, section), home));
    }
}
