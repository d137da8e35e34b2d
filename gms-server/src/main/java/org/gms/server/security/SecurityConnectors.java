package org.gms.server.security;

import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.gms.server.config.GmsConfig;
import org.gms.server.config.StartProperties;
import org.gms.server.security.ports.PortRestrictions;
import org.gms.server.security.transport.TlsConnectorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connectors next to the main HTTP one: HTTPS when {@code jetty.sslContext.keyStorePath} is set, and one plain HTTP
 * connector per port named in {@code [port_restrictions]} (GMS needed them declared in jetty-http.xml by hand). Read at
 * start; a change needs a restart.
 */
public final class SecurityConnectors {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConnectors.class);

    private SecurityConnectors() {
    }

    public static void addTo(Server jetty, GmsConfig config, HttpConfiguration httpConfig, ServerConnector http) {
        StartProperties start = config.start();
        Set<Integer> taken = new TreeSet<>();
        taken.add(http.getPort());
        if (TlsConnectorFactory.enabled(start)) {
            ServerConnector https = TlsConnectorFactory.create(jetty, start, httpConfig, config.home());
            jetty.addConnector(https);
            taken.add(https.getPort());
        }
        for (int port : PortRestrictions.from(config).ports()) {
            if (taken.contains(port)) {
                continue;
            }
            ServerConnector extra = new ServerConnector(jetty, new HttpConnectionFactory(httpConfig));
            extra.setName("http-" + port);
            extra.setPort(port);
            extra.setHost(http.getHost());
            extra.setIdleTimeout(http.getIdleTimeout());
            jetty.addConnector(extra);
            LOG.info("HTTP connector on port {} for [port_restrictions]", port);
        }
    }

    /** The port the HTTPS connector listens on, or -1 without one (or before start). */
    public static int httpsPort(Server jetty) {
        for (Connector connector : jetty.getConnectors()) {
            if (TlsConnectorFactory.NAME.equals(connector.getName()) && connector instanceof ServerConnector server) {
                return server.getLocalPort();
            }
        }
        return -1;
    }
}
