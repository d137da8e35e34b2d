package org.gms.server.security.logging;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.gms.server.http.RequestIds;
import org.gms.server.security.auth.BasicCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log in the NCSA extended format, with query strings (of the request and of the referer) passed through
 * {@link LogMasking}, since clients put passwords and personal data in URLs. Only the user name of Basic credentials
 * is written. The last field is the request id, as in the server log and in 500 messages.
 */
public final class MaskedRequestLog implements RequestLog {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US)
            .withZone(ZoneId.systemDefault());

    private final Logger log;
    private final LogMasking masking;

    public MaskedRequestLog(String loggerName, LogMasking masking) {
        this.log = LoggerFactory.getLogger(loggerName);
        this.masking = masking;
    }

    @Override
    public void log(Request request, Response response) {
        if (!log.isInfoEnabled()) {
            return;
        }
        String user = BasicCredentials.parse(request.getHeaders().get(HttpHeader.AUTHORIZATION))
                .map(BasicCredentials::username).filter(name -> !name.isEmpty()).orElse("-");
        String query = request.getHttpURI().getQuery();
        String target = request.getHttpURI().getPath() + (query == null ? "" : "?" + QueryStrings.mask(query, masking));
        log.info("{} - {} [{}] \"{} {} {}\" {} {} \"{}\" \"{}\" {}", Request.getRemoteAddr(request), user,
                DATE.format(Instant.ofEpochMilli(Request.getTimeStamp(request))), request.getMethod(), target,
                request.getConnectionMetaData().getProtocol(), response.getStatus(),
                Response.getContentBytesWritten(response), referer(request),
                quoted(request.getHeaders().get(HttpHeader.USER_AGENT)), RequestIds.of(request));
    }

    private String referer(Request request) {
        String referer = request.getHeaders().get(HttpHeader.REFERER);
        if (referer == null) {
            return "-";
        }
        int question = referer.indexOf('?');
        return quoted(question < 0 ? referer : referer.substring(0, question + 1)
                + QueryStrings.mask(referer.substring(question + 1), masking));
    }

    private static String quoted(String text) {
        return text == null ? "-" : text.replace("\"", "'").replaceAll("[\\r\\n]", " ");
    }
}
