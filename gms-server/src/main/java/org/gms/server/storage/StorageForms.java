package org.gms.server.storage;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.PayloadTooLargeException;
import org.gms.storage.document.DocumentField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the fields of a storage request: query parameters, then an {@code application/x-www-form-urlencoded} or
 * {@code multipart/form-data} body. Text is UTF-8 unless the request names another charset; a multipart part with a
 * file name is a file. The body may not exceed {@code [server] max-file-upload}.
 */
public final class StorageForms {

    private static final Logger LOG = LoggerFactory.getLogger(StorageForms.class);
    private static final String OCTET_STREAM = "application/octet-stream";

    private final long maxUpload;

    public StorageForms(long maxUpload) {
        this.maxUpload = maxUpload;
    }

    public List<DocumentField> read(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length > maxUpload) {
            throw tooLarge(length);
        }
        List<DocumentField> fields = new ArrayList<>();
        if (request.getQueryString() != null) {
            parseUrlEncoded(request.getQueryString(), StandardCharsets.UTF_8, fields);
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            readMultipart(request, fields);
        } else if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxUpload + 1));
            if (body.length > maxUpload) {
                throw tooLarge(body.length);
            }
            parseUrlEncoded(new String(body, StandardCharsets.ISO_8859_1), charset(request.getCharacterEncoding()),
                    fields);
        } else {
            throw new BadRequestException("Unsupported content type [" + request.getContentType()
                    + "]: use application/x-www-form-urlencoded or multipart/form-data");
        }
        return fields;
    }

    private void readMultipart(HttpServletRequest request, List<DocumentField> fields) throws IOException {
        try {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null) {
                    String contentType = part.getContentType() == null ? OCTET_STREAM : part.getContentType();
                    fields.add(new DocumentField.File(part.getName(), contentType, part.getSubmittedFileName(),
                            part::getInputStream));
                } else {
                    try (InputStream in = part.getInputStream()) {
                        fields.add(new DocumentField.Text(part.getName(),
                                new String(in.readAllBytes(), charset(charsetOf(part.getContentType())))));
                    }
                }
            }
        } catch (ServletException | IllegalStateException | IOException e) {
            throw multipartError(e);
        }
    }

    /** Jetty reports an oversized multipart body in several ways; each becomes 413, other parse errors 400. */
    private RuntimeException multipartError(Exception error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("max") || message.contains("too large") || message.contains("exceed")) {
                return tooLarge(-1);
            }
        }
        LOG.debug("Unreadable multipart body: {}", error.toString());
        return new BadRequestException("Malformed multipart/form-data body");
    }

    private static void parseUrlEncoded(String body, Charset charset, List<DocumentField> fields) {
        if (body.isEmpty()) {
            return;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            if (equals < 0) {
                LOG.debug("Value for key ({}) is undefined", key);
                continue;
            }
            fields.add(new DocumentField.Text(key, decode(pair.substring(equals + 1), charset)));
        }
    }

    private static String decode(String text, Charset charset) {
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Malformed form encoding: " + e.getMessage());
        }
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return trimmed.substring("charset=".length()).replace("\"", "");
            }
        }
        return null;
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadRequestException("Unsupported charset [" + name + "]");
        }
    }

    private PayloadTooLargeException tooLarge(long length) {
        String size = length < 0 ? "Request body" : "Request body of " + length + " bytes";
        return new PayloadTooLargeException(size + " is larger than the " + maxUpload
                + " bytes allowed by [server] max-file-upload");
    }
}
