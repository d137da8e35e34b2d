package org.gms.server.service;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Request parameters (query string, urlencoded or multipart text fields), first value of each. */
final class RequestParameters {

    static final String GMS_USER = "gms_user";
    /** The multipart limits of the servlets that read their parameters here; the routes set the upload folder. */
    static final MultipartConfigElement MULTIPART = new MultipartConfigElement("", 5_000_000L, 5_000_000L, 64_000);

    private RequestParameters() {
    }

    static Map<String, String> of(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                && request.getAttribute(ServletContextRequest.MULTIPART_CONFIG_ELEMENT) == null) {
            // multipart text fields become parameters once the request knows how to read multipart bodies
            request.setAttribute(ServletContextRequest.MULTIPART_CONFIG_ELEMENT, MULTIPART);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                parameters.put(name, values[0]);
            }
        });
        return parameters;
    }

    static String gmsUser(HttpServletRequest request) {
        String user = request.getHeader(GMS_USER);
        return user == null ? "" : user.trim();
    }
}
