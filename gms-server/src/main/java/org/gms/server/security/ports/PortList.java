package org.gms.server.security.ports;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** A value of {@code [port_restrictions]}: ports and inclusive ranges, {@code 80-90}, {@code 92-98,100}. */
public final class PortList {

    /** A range wider than this is surely a typo; opening that many connectors would exhaust the node. */
    static final int MAX_PORTS = 256;

    private PortList() {
    }

    public static Set<Integer> parse(String value) {
        Set<Integer> ports = new TreeSet<>();
        for (String part : value.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int dash = item.indexOf('-');
            int first = port(dash < 0 ? item : item.substring(0, dash), value);
            int last = dash < 0 ? first : port(item.substring(dash + 1), value);
            if (last < first || ports.size() + last - first + 1 > MAX_PORTS) {
                throw new IllegalArgumentException("Wrong value [" + value + "] for [port_restrictions]: range " + item
                        + " is reversed or holds more than " + MAX_PORTS + " ports");
            }
            for (int port = first; port <= last; port++) {
                ports.add(port);
            }
        }
        return Collections.unmodifiableSet(ports);
    }

    private static int port(String text, String value) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Wrong value [" + value + "] for [port_restrictions]: " + text.strip()
                + " is not a port");
    }
}
