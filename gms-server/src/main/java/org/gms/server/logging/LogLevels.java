package org.gms.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The GMS {@code [log]} verbosity flags, each turning one component's loggers to DEBUG. Applied at start, on every
 * configuration change, and after every reload of {@code logback.xml}.
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

    /** Loggers of Jetty that report a client's malformed request at WARN. */
    static final List<String> CLIENT_NOISE = List.of("org.eclipse.jetty.util.HostPort", "org.eclipse.jetty.http.HttpParser");

    private LogLevels() {
    }

    /** Puts the node id in every log line ({@code %property{gms.node}} in etc/logback.xml). */
    public static void nameNode(String nodeId) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            nameNode(context, nodeId);
        }
    }

    public static void apply(LogSettings settings) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            apply(context, settings);
        }
    }

    /**
     * Applies the node name and the flags again whenever logback reloads {@code logback.xml} (it scans it for
     * changes), since a reload clears both.
     */
    public static void followLogbackReloads(String nodeId, Supplier<LogSettings> settings) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            followLogbackReloads(context, nodeId, settings);
        }
    }

    static void followLogbackReloads(LoggerContext context, String nodeId, Supplier<LogSettings> settings) {
        context.addListener(new LoggerContextListener() {
            @Override
            public boolean isResetResistant() {
                return true;
            }

            @Override
            public void onReset(LoggerContext reset) {
                nameNode(reset, nodeId);
                apply(reset, settings.get());
            }

            @Override
            public void onStart(LoggerContext started) {
            }

            @Override
            public void onStop(LoggerContext stopped) {
            }

            @Override
            public void onLevelChange(Logger logger, Level level) {
            }
        });
    }

    static void nameNode(LoggerContext context, String nodeId) {
        context.putProperty("gms.node", nodeId);
    }

    static void apply(LoggerContext context, LogSettings settings) {
        FLAGS.forEach((flag, logger) -> context.getLogger(logger)
                .setLevel(settings.debugFlags().contains(flag) ? Level.DEBUG : null));
        quietClientNoise(context);
    }

    /**
     * Jetty loggers that write a WARN for every malformed request anyone can send (a bad {@code Host}, an oversized
     * URI): their requests are answered 4xx and the access log has each one, so a flood of them does not also fill
     * the server log. A level set for them in {@code logback.xml} is kept.
     */
    public static void quietClientNoise() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            quietClientNoise(context);
        }
    }

    static void quietClientNoise(LoggerContext context) {
        for (String name : CLIENT_NOISE) {
            Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.ERROR);
            }
        }
    }
}
