package org.gms.server.storage;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.gms.server.ServerSettings;

/**
 * URLs and header values handed to clients: download URLs of files, built on {@code [server] external_url_base} when
 * it is set (a load balancer in front) and on the request's own base otherwise.
 */
public final class StorageUrls {

    private static final String HEX = "0123456789ABCDEF";

    private final Supplier<ServerSettings> server;

    public StorageUrls(Supplier<ServerSettings> server) {
        this.server = server;
    }

    /** {@code <base>/genesys/1/storage/binary/<id>/<key>}, each segment percent-encoded. */
    public String download(HttpServletRequest request, String id, String key) {
        return base(request) + "/1/storage/binary/" + segment(id) + "/" + segment(key);
    }

    /** {@code <base>/genesys/1/service/<serviceId>/storage/binary/<key>}, for service-scoped storage. */
    public String serviceDownload(HttpServletRequest request, String serviceId, String key) {
        return base(request) + "/1/service/" + segment(serviceId) + "/storage/binary/" + segment(key);
    }

    /** {@code <scheme>://<host>:<port>/genesys}, from the configured public base when there is one. */
    public String base(HttpServletRequest request) {
        Optional<URI> external = server.get().externalUrlBase();
        if (external.isPresent()) {
            String trimmed = external.get().toString().strip();
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            return trimmed + request.getContextPath();
        }
        return request.getScheme() + "://" + hostForUrl(request.getServerName()) + ":" + request.getServerPort()
                + request.getContextPath();
    }

    /** Every byte but the RFC 3986 unreserved characters percent-encoded, so no key is read back differently. */
    public static String segment(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte value : text.getBytes(StandardCharsets.UTF_8)) {
            int octet = value & 0xFF;
            if (octet >= 'a' && octet <= 'z' || octet >= 'A' && octet <= 'Z' || octet >= '0' && octet <= '9'
                    || octet == '-' || octet == '.' || octet == '_' || octet == '~') {
                encoded.append((char) octet);
            } else {
                encoded.append('%').append(HEX.charAt(octet >> 4)).append(HEX.charAt(octet & 0xF));
            }
        }
        return encoded.toString();
    }

    /** {@code attachment} with an ASCII file name and the exact UTF-8 one (RFC 6266). */
    public static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (char character : fileName.toCharArray()) {
            boolean plain = character >= 0x20 && character < 0x7F && character != '"' && character != '\\';
            ascii.append(plain ? character : '_');
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + segment(fileName);
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
