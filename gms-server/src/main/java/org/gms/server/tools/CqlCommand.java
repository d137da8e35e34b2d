package org.gms.server.tools;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gms.server.config.ConfigLoader;
import org.gms.server.config.GmsConfig;
import org.gms.server.config.GmsOptions;
import org.gms.storage.CassandraSettings;
import org.gms.storage.cassandra.schema.KeyspaceKind;
import org.gms.storage.tools.CqlShell;

/**
 * {@code scripts/gms cql [--config DIR] [--schema | --file SCRIPT --keyspace NAME]}: a CQL prompt or script runner
 * against the cluster of the configuration (the embedded node when {@code [cassandra] nodes} is empty, which must be
 * running). {@code --schema} runs both schema scripts with the configured keyspace names.
 */
public final class CqlCommand {

    private CqlCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("gms.home", ".")).toAbsolutePath().normalize();
        Path configDir = home.resolve("etc");
        Path file = null;
        String keyspace = null;
        boolean schema = false;
        for (int index = 0; index < args.length; index++) {
            switch (args[index]) {
                case "--config" -> configDir = Path.of(args[++index]).toAbsolutePath();
                case "--file" -> file = Path.of(args[++index]);
                case "--keyspace" -> keyspace = args[++index];
                case "--schema" -> schema = true;
                default -> {
                    System.err.println("usage: scripts/gms cql [--config DIR] [--schema | --file SCRIPT.cql"
                            + " [--keyspace NAME]]");
                    System.exit(2);
                }
            }
        }
        GmsConfig config = new ConfigLoader(home, configDir, home.resolve("logs"), GmsOptions.catalogue(),
                System.getProperties()).load();
        CassandraSettings settings = CassandraSettings.from(config);
        if (settings.embedded()) {
            settings = settings.withContactPoint("127.0.0.1:" + settings.nativePort());
        }
        List<Map.Entry<Path, String>> scripts = new ArrayList<>();
        if (schema) {
            for (KeyspaceKind kind : KeyspaceKind.values()) {
                scripts.add(new AbstractMap.SimpleEntry<>(home.resolve("scripts").resolve(kind.scriptName()),
                        kind.keyspace(settings)));
            }
        } else if (file != null) {
            scripts.add(new AbstractMap.SimpleEntry<>(file, keyspace));
        }
        System.exit(CqlShell.run(settings, scripts, System.in, System.out));
    }
}
