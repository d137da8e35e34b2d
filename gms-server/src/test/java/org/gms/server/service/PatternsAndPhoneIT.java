package org.gms.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.service.ServiceTestSupport.object;
import static org.gms.server.service.ServiceTestSupport.post;

import java.net.http.HttpResponse;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PatternsAndPhoneIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .list("GMS_Patterns", Map.of(
                    "emergency", Map.of("911", "^911$"),
                    "contact", Map.of("email", "^[a-z]+@example\\.com$", "broken", "(["))));

    private final HttpTestClient http = gms.http();

    @Test
    void should_name_the_matching_pattern_of_each_field_when_patterns_are_posted() {
        HttpResponse<String> answer = post(http, "/1/patterns", null, "param1", "hello", "param2", "ada@example.com",
                "param3", "911");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(object(answer)).containsExactlyInAnyOrderEntriesOf(Map.of("param2", "email", "param3", "911"));
    }

    @Test
    void should_use_only_the_group_when_a_group_is_named() {
        assertThat(post(http, "/1/patterns/group/emergency", null, "param2", "ada@example.com", "param3", "911").body())
                .isEqualTo("{\"param3\":\"911\"}");
        assertThat(post(http, "/1/patterns/group/contact", null, "param3", "911").body()).isEqualTo("{}");
        assertThat(post(http, "/1/patterns/group/unknown", null, "param3", "911").statusCode()).isEqualTo(404);
    }

    @Test
    void should_read_multipart_fields_when_the_form_is_multipart() {
        String boundary = "gms-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"param3\"\r\n\r\n911\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/1/patterns"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"param3\":\"911\"}");
    }

    @Test
    void should_describe_a_number_with_libphonenumber_when_it_parses() {
        HttpResponse<String> answer = http.get("/1/phonenumber?number=0604120405&country=FR&geocodingLocale=DE");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(object(answer)).containsEntry("number-E164", "+33604120405").containsEntry("number-type", "MOBILE")
                .containsEntry("region-code", "FR").containsEntry("is-valid-number", true)
                .containsEntry("number-national-short", 604120405).containsEntry("language-specified", "de")
                .containsEntry("location", "Frankreich").containsEntry("time-zone", "Europe/Paris")
                .doesNotContainKey("carrier");
    }

    @Test
    void should_answer_in_english_and_leave_unknown_fields_out_when_no_geocoding_locale_is_given() {
        HttpResponse<String> answer = http.get("/1/phonenumber?number=%2B16502530000");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(object(answer)).containsEntry("language-specified", "en").containsEntry("region-code", "US")
                .containsEntry("country-code-source", "FROM_NUMBER_WITH_PLUS_SIGN")
                .doesNotContainKeys("carrier", "location", "time-zone");
    }

    @Test
    void should_answer_400_with_the_gms_message_when_the_number_cannot_be_parsed() {
        HttpResponse<String> answer = http.get("/1/phonenumber?number=bad&country=DE");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"exception\":\"com.genesyslab.gsg.GSGException\","
                + "\"message\":\"Invalid Phone Number bad for Country DE (parsing impossible)\"}");
    }
}
