package org.gms.server.node;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** GMS alarms as log events with their EventId (also in the MDC key {@code EventId} for log shippers). */
public final class Alarms {

    public static final int RESOURCES_CONFIGURATION = 2000;
    public static final int NO_MORE_RESOURCES = 2001;
    public static final int WEB_PORT = 2002;

    private static final Logger LOG = LoggerFactory.getLogger(Alarms.class);

    private Alarms() {
    }

    public static void raise(int eventId, String message) {
        MDC.put("EventId", Integer.toString(eventId));
        try {
            LOG.error("Alarm EventId {}: {}", eventId, message);
        } finally {
            MDC.remove("EventId");
        }
    }
}
