package org.gms.server.security.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.gms.server.config.GmsConfig;
import org.gms.server.security.TestConfigs;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {

    @Test
    void should_read_the_recommended_header_lines_when_separated_by_bars() {
        List<HttpField> fields = HeaderLines.parse("X-Frame-Options: SAMEORIGIN | X-XSS-Protection: 1; mode=block"
                + " | Content-Security-Policy: script-src 'self'; object-src 'self' | no colon | Bad Name: x");
        assertThat(fields).extracting(HttpField::getName, HttpField::getValue).containsExactly(
                tuple("X-Frame-Options", "SAMEORIGIN"),
                tuple("X-XSS-Protection", "1; mode=block"),
                tuple("Content-Security-Policy", "script-src 'self'; object-src 'self'"));
    }

    @Test
    void should_list_path_rules_before_custom_headers_and_hsts_only_on_https() {
        GmsConfig config = TestConfigs.builder()
                .option("server", "http-custom-headers", "X-Frame-Options: DENY")
                .option("http-header-rules", "/genesys/1/storage*", "X-Frame-Options: SAMEORIGIN")
                .option("http-header-rules", "/genesys/*", "X-Frame-Options: ALLOW | X-Extra: 1")
                .build();
        List<HttpField> storage = ResponseHeaders.forRequest(HeaderSettings.from(config), "/genesys/1/storage/x", true);
        assertThat(storage.get(0).getValue()).isEqualTo("SAMEORIGIN");
        assertThat(storage).extracting(HttpField::getName).contains("X-Extra", "Strict-Transport-Security");
        assertThat(storage.get(storage.size() - 1).getValue()).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(ResponseHeaders.forRequest(HeaderSettings.from(config), "/genesys/1/node", false)).extracting(HttpField::getName)
                .doesNotContain("Strict-Transport-Security");
    }
}
