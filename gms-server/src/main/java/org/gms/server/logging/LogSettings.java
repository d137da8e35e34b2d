package org.gms.server.logging;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

/** The GMS {@code [log]} verbosity flags that are on. */
public record LogSettings(Set<String> debugFlags) {

    static final String SECTION = "log";

    public static final List<Option> OPTIONS = List.of(
            Option.bool(SECTION, "ChatService", false, IMMEDIATE, "Verbose chat engine logging."),
            Option.bool(SECTION, "ClusterService", false, IMMEDIATE, "Verbose cluster and node registry logging."),
            Option.bool(SECTION, "DataDepotService", false, IMMEDIATE, "Verbose storage (Cassandra) logging."),
            Option.bool(SECTION, "DistributedJobExecutor", false, IMMEDIATE, "Verbose distributed job execution logging."),
            Option.bool(SECTION, "DistributedJobQueue", false, IMMEDIATE, "Verbose distributed job queue logging."),
            Option.bool(SECTION, "SharedService", false, IMMEDIATE, "Verbose shared service logging."));

    public LogSettings {
        debugFlags = Set.copyOf(debugFlags);
    }

    public static LogSettings from(ConfigView config) {
        Set<String> on = new TreeSet<>();
        for (Option option : OPTIONS) {
            if (config.boolValue(SECTION, option.name())) {
                on.add(option.name());
            }
        }
        return new LogSettings(on);
    }
}
