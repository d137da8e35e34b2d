package org.gms.server.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/**
 * The web console's static files at {@code /genesys/home/}, from the server jar. Files under {@code files/} (the
 * languages) come from the installation's {@code files/} folder first, so an operator adds or changes a language
 * without touching the jar. {@code sample/} is served only with {@code [server] enable-sample = true}. The old console
 * addresses ({@code login.jsp}, {@code index.jsp}, {@code /genesys/home}) redirect to the console's page; the browser
 * keeps their {@code #/...} part. Every answer is revalidated ({@code no-cache} with an ETag), so an upgrade is seen at
 * the next load.
 */
public final class ConsoleServlet extends GmsServlet {

    public static final String HOME = "/home/";
    static final String RESOURCES = "/org/gms/server/console/";
    /** Served for the pages: scripts and styles of this origin only, no inline script, no framing. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final long serialVersionUID = 1L;
    private static final Set<String> METHODS = Set.of("GET", "HEAD");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json;charset=utf-8");

    private final transient Supplier<ConsoleSettings> settings;
    private final transient Map<String, Asset> jar = new ConcurrentHashMap<>();

    public ConsoleServlet(Responses responses, Supplier<ConsoleSettings> settings) {
        super(responses);
        this.settings = settings;
    }

    @Override
    protected Set<String> methods() {
        return METHODS;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String servlet = request.getServletPath();
        String path = request.getPathInfo();
        if (!servlet.equals("/home") || path == null || path.equals("/login.jsp") || path.equals("/index.jsp")) {
            response.setStatus(302);
            response.setHeader("Location", request.getContextPath() + HOME);
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!safe(name) || name.startsWith("sample/") && !settings.get().sampleEnabled()) {
            throw notFound(request);
        }
        Asset asset = (name.startsWith("files/") ? disk(name.substring("files/".length())) : Optional.<Asset>empty())
                .or(() -> fromJar(name)).orElseThrow(() -> notFound(request));
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", asset.etag());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (name.endsWith(".html")) {
            response.setHeader("Content-Security-Policy", PAGE_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        if (asset.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setStatus(200);
        response.setContentType(asset.type());
        response.setContentLength(asset.bytes().length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(asset.bytes());
        }
    }

    private static NotFoundException notFound(HttpServletRequest request) {
        return new NotFoundException("No resource at " + request.getRequestURI());
    }

    /** A relative name of plain segments: no {@code ..}, no hidden file, no backslash, a known type. */
    static boolean safe(String name) {
        if (name.isEmpty() || name.contains("\\") || name.contains("//") || name.endsWith("/")) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".") || !segment.matches("[A-Za-z0-9._-]+")) {
                return false;
            }
        }
        return TYPES.containsKey(extension(name));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private Optional<Asset> disk(String name) {
        Path folder = settings.get().files();
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(asset(name, Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the console file " + file, e);
        }
    }

    private Optional<Asset> fromJar(String name) {
        Asset known = jar.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        try (InputStream in = ConsoleServlet.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                return Optional.empty();
            }
            Asset asset = asset(name, in.readAllBytes());
            jar.put(name, asset);
            return Optional.of(asset);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the console resource " + name, e);
        }
    }

    private static Asset asset(String name, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            String etag = "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
            return new Asset(TYPES.get(extension(name)), bytes, etag);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private record Asset(String type, byte[] bytes, String etag) {
    }
}
