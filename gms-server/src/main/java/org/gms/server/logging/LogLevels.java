package org.gms.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.gms.server.config.GmsConfig;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The GMS {@code [log]} verbosity flags, each turning one component's loggers to DEBUG. Applied at start and on every
 * configuration change.
 */
public final class LogLevels {

    /** GMS flag name to the logger of the component it stands for. */
    public static final Map<String, String> FLAGS = Map.of(
            "ChatService", "org.gms.server.chat",
            "ClusterService", "org.gms.server.cluster",
            "DataDepotService", "org.gms.storage",
            "DistributedJobExecutor", "org.gms.storage.cluster.job.executor",
            "DistributedJobQueue", "org.gms.storage.cluster.job.queue",
            "SharedService", "org.gms.server.service");

    private LogLevels() {
    }

    /** Puts the node id in every log line ({@code %property{gms.node}} in etc/logback.xml). */
    public static void nameNode(String nodeId) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.putProperty("gms.node", nodeId);
        }
    }

    public static void apply(GmsConfig config) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        FLAGS.forEach((flag, logger) -> context.getLogger(logger)
                .setLevel(config.boolValue("log", flag) ? Level.DEBUG : null));
    }
}
