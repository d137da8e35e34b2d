package org.gms.server;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;
import static org.gms.core.config.ReloadPolicy.RESTART;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

/**
 * The node's identity in {@code [server]}: node id and the URL other nodes use, {@code
 * web_scheme://web_host:web_port/genesys}, the public {@code external_url_base}, the caching of JSON answers, and how
 * long a stopping node stays suspended ({@code [sml]}).
 */
public record ServerSettings(int nodeId, String webHost, int webPort, String webScheme,
                             Optional<URI> externalUrlBase, int cacheSeconds, Duration suspendingWait) {

    public static final String CONTEXT_PATH = "/genesys";
    static final String SECTION = "server";

    public static final List<Option> OPTIONS = List.of(
            Option.integer(SECTION, "node_id", 1, 0, 99, RESTART,
                    "Node identity, unique in the cluster (node level only); used in access codes and service ids."),
            Option.string(SECTION, "web_host", "", RESTART,
                    "Host or address other nodes use to reach this node; empty: this host's address."),
            Option.integer(SECTION, "web_port", 0, 0, 65535, RESTART,
                    "Port other nodes use to reach this node; 0: the HTTP port (jetty.http.port)."),
            Option.oneOf(SECTION, "web_scheme", "http", List.of("http", "https"), RESTART,
                    "Scheme of the node URL web_scheme://web_host:web_port/genesys."),
            Option.string(SECTION, "external_url_base", "", IMMEDIATE,
                    "Public base URL (load balancer) used in URLs handed to clients, e.g. http://lb:8080/."
                            + " Its port must equal the HTTP port, or the node stops at start."),
            Option.integer(SECTION, "cacheSeconds", 0, 0, 31536000, IMMEDIATE,
                    "0: JSON answers are not cached (Cache-Control: no-store); N: max-age=N on GET answers."),
            Option.string(SECTION, "upload-temp-dir", "data/temp/uploads", RESTART,
                    "Folder, relative to the installation, where multipart file parts wait on disk while a request"
                            + " is served; each part is deleted when its request ends."),
            Option.integer("sml", "suspending-wait-timeout", 10, 5, 600, IMMEDIATE,
                    "Seconds a stopping node stays suspended (OFFLINE) before it stops, so load balancers drain it."));

    public static ServerSettings from(ConfigView config) {
        String base = config.value(SECTION, "external_url_base");
        Optional<URI> external = Optional.empty();
        if (!base.isEmpty()) {
            try {
                URI uri = URI.create(base);
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
                external = Optional.of(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Wrong value [" + base + "] for option [server] external_url_base:"
                        + " expected http(s)://<host>:<port>/");
            }
        }
        return new ServerSettings(config.intValue(SECTION, "node_id"), config.value(SECTION, "web_host"),
                config.intValue(SECTION, "web_port"), config.value(SECTION, "web_scheme"), external,
                config.intValue(SECTION, "cacheSeconds"),
                Duration.ofSeconds(config.intValue("sml", "suspending-wait-timeout")));
    }

    /** The folder of multipart parts too large to stay in memory ({@code [server] upload-temp-dir}). */
    public static Path uploadDirectory(ConfigView config) {
        return config.home().resolve(config.value(SECTION, "upload-temp-dir")).toAbsolutePath().normalize();
    }

    /**
     * The base URL this node advertises, given the ports its connectors actually listen on ({@code httpsPort} -1 when
     * TLS is off): with {@code web_port} 0, the HTTPS port when {@code web_scheme} is https, else the HTTP port.
     */
    public URI nodeUrl(int httpPort, int httpsPort) {
        String host = webHost.isEmpty() ? localAddress() : webHost;
        int port = webPort != 0 ? webPort : webScheme.equalsIgnoreCase("https") && httpsPort > 0 ? httpsPort : httpPort;
        return URI.create(webScheme + "://" + host + ":" + port + CONTEXT_PATH);
    }

    /** The port of {@code external_url_base}, with the scheme's default when it has none. */
    public Optional<Integer> externalPort() {
        return externalUrlBase.map(uri -> uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80);
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
