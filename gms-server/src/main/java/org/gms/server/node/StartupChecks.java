package org.gms.server.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.gms.server.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The start-up checks of GMS: the public URL's port, and a server answering on the advertised node URL. */
public final class StartupChecks {

    private static final Logger LOG = LoggerFactory.getLogger(StartupChecks.class);

    private StartupChecks() {
    }

    private static SSLContext anyCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            // Jetty's trust-all managers are extended ones, so they also skip the host name check
            context.init(null, SslContextFactory.TRUST_ALL_CERTS, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No TLS in this Java runtime", e);
        }
    }

    /**
     * Stops the start when {@code external_url_base} names another port than the node's connectors: the HTTP port, or
     * the HTTPS port when TLS is on ({@code httpsPort} -1 when it is off).
     */
    public static void requireExternalPort(ServerSettings settings, int httpPort, int httpsPort) {
        settings.externalPort().ifPresent(port -> {
            if (port != httpPort && port != httpsPort) {
                String message = "The port " + port + " of [server] external_url_base " + settings.externalUrlBase().get()
                        + " differs from the HTTP port " + httpPort + " (jetty.http.port)"
                        + (httpsPort > 0 ? " and from the HTTPS port " + httpsPort + " (jetty.ssl.port)" : "")
                        + "; the node stops. Make it one of them.";
                Alarms.raise(Alarms.WEB_PORT, message);
                throw new IllegalStateException(message);
            }
        });
    }

    /**
     * Probes {@code <node url>/1/node}; raises alarm 2002 when nothing answers. Returns whether a node answered. Over
     * HTTPS any certificate is accepted: the probe sends nothing secret and only asks whether a node answers, and a
     * self-signed certificate must not raise the alarm.
     */
    public static boolean probe(URI nodeUrl) {
        URI target = URI.create(nodeUrl + "/1/node");
        // HTTP/1.1, what every load balancer in front of the node speaks; it runs beside the start, so it can wait
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(anyCertificate())
                .version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.body().startsWith("ONLINE") || answer.body().startsWith("OFFLINE")) {
                LOG.info("Node answers on its advertised URL {}", nodeUrl);
                return true;
            }
            Alarms.raise(Alarms.WEB_PORT, "Something other than this server answers on " + target + " (HTTP "
                    + answer.statusCode() + "); check [server] web_host and web_port");
        } catch (IOException e) {
            Alarms.raise(Alarms.WEB_PORT, "No server answers on " + target + " (" + e.getClass().getSimpleName()
                    + "); check [server] web_host and web_port");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
