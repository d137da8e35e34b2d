package org.gms.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.gms.server.config.GmsConfig;

/**
 * The node's identity in {@code [server]}: node id and the URL other nodes use, {@code
 * web_scheme://web_host:web_port/genesys}, plus the public {@code external_url_base}.
 */
public record ServerSettings(int nodeId, String webHost, int webPort, String webScheme,
                             Optional<URI> externalUrlBase) {

    public static final String CONTEXT_PATH = "/genesys";

    public static ServerSettings from(GmsConfig config) {
        String base = config.value("server", "external_url_base");
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
        return new ServerSettings(config.intValue("server", "node_id"), config.value("server", "web_host"),
                config.intValue("server", "web_port"), config.value("server", "web_scheme"), external);
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
