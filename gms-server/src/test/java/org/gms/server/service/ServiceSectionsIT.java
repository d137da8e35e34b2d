package org.gms.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.service.ServiceTestSupport.builtin;
import static org.gms.server.service.ServiceTestSupport.group;
import static org.gms.server.service.ServiceTestSupport.object;
import static org.gms.server.service.ServiceTestSupport.post;

import java.net.http.HttpResponse;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceSectionsIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        builder.option("resources", "user_control", "true")
                .option("service.untyped", "_service", "request-interaction")
                .list("GMS_Resources", Map.of(
                        "FIXED", group("RANDOM", 30, "7200001"),
                        "OTHER", group("RANDOM", 30, "7200002"),
                        "TOKEN-7", group("RANDOM", 30, "7200003")));
        builtin(builder, "fixed", "request-interaction", "_resource_group", "FIXED", "_ttl", "60");
        builtin(builder, "open", "request-interaction", "_resource_group", "FIXED",
                "_overwritable_options", "_resource_group, _ttl");
        builtin(builder, "tokens", "request-interaction", "_resource_group", "TOKEN-$pool$");
        builder.option("service.forward", "_type", "ors").option("service.forward", "_service", "forward")
                .option("service.forward", "_redirect", "fixed");
        // GMS' own test_19 of URL rewriting: a built-in service answers itself whatever its _redirect
        builtin(builder, "ignores-redirect", "request-interaction", "_resource_group", "OTHER",
                "_overwritable_options", "_redirect", "_redirect", "fixed");
        builtin(builder, "remote", "request-interaction").option("service.remote", "_type", "ors");
        builtin(builder, "match", "match-interaction");
    });

    private final HttpTestClient http = gms.http();

    @Test
    void should_keep_the_configured_option_when_a_request_sends_the_same_parameter() {
        Map<String, Object> created = object(post(http, "/1/service/fixed", "ada", "_resource_group", "OTHER",
                "_ttl", "5"));
        assertThat(created).containsEntry("_access_number", "7200001");
        // the 30 s booking of the group ends before the 60 s instance, so it bounds the answer
        assertThat(Integer.parseInt((String) created.get("_expiration_time"))).isBetween(20, 30);
        assertThat(object(http.send(java.net.http.HttpRequest.newBuilder(http.uri("/1/service/" + created.get("_id")))
                .header("gms_user", "ada").GET()))).containsEntry("_ttl", "60");
    }

    @Test
    void should_let_the_request_win_when_the_option_is_overwritable() {
        assertThat(object(post(http, "/1/service/open", "ada", "_resource_group", "OTHER")))
                .containsEntry("_access_number", "7200002");
        assertThat(object(post(http, "/1/service/open", "ada"))).containsEntry("_access_number", "7200001");
    }

    @Test
    void should_replace_tokens_by_request_parameters_when_an_option_holds_one() {
        assertThat(object(post(http, "/1/service/tokens", "ada", "pool", "7")))
                .containsEntry("_access_number", "7200003");
    }

    @Test
    void should_run_the_target_service_when_an_ors_section_redirects() {
        assertThat(object(post(http, "/1/service/forward", "ada"))).containsEntry("_access_number", "7200001");
    }

    @Test
    void should_run_the_built_in_service_itself_when_its_section_names_a_redirect() {
        HttpResponse<String> answer = post(http, "/1/service/ignores-redirect", "ada", "_customer_number", "5115");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        // its own group OTHER, not the FIXED group of the service it names
        assertThat(object(answer)).containsEntry("_access_number", "7200002")
                .containsKeys("_id", "_expiration_time");
    }

    @Test
    void should_run_the_built_in_service_itself_when_the_request_sends_an_overwritable_redirect() {
        assertThat(object(post(http, "/1/service/ignores-redirect", "ada", "_redirect", "fixed")))
                .containsEntry("_access_number", "7200002");
    }

    @Test
    void should_answer_404_when_the_service_is_not_configured() {
        HttpResponse<String> answer = post(http, "/1/service/nothing-here", "ada");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(object(answer)).containsEntry("message", "Service [nothing-here] is not configured");
    }

    @Test
    void should_answer_500_naming_the_service_when_its_type_is_missing() {
        HttpResponse<String> answer = post(http, "/1/service/untyped", "ada");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat((String) object(answer).get("message"))
                .startsWith("Service type is not configured for service: [untyped]");
    }

    @Test
    void should_refuse_ors_services_with_the_gms_exception_when_no_ors_is_available() {
        HttpResponse<String> answer = post(http, "/1/service/remote", "ada");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(object(answer)).containsEntry("exception", "com.genesyslab.gsg.services.ors.OrsServiceException");
    }

    @Test
    void should_bind_instances_to_the_gms_user_when_user_control_is_on() {
        assertThat(post(http, "/1/service/fixed", null).statusCode()).isEqualTo(400);
        Map<String, Object> created = object(post(http, "/1/service/fixed", "ada"));
        String path = "/1/service/" + created.get("_id");
        HttpResponse<String> other = http.send(java.net.http.HttpRequest.newBuilder(http.uri(path))
                .header("gms_user", "bob").DELETE());
        assertThat(other.statusCode()).isEqualTo(403);
        HttpResponse<String> owner = http.send(java.net.http.HttpRequest.newBuilder(http.uri(path))
                .header("gms_user", "ada").DELETE());
        assertThat(owner.statusCode()).isEqualTo(200);
    }

    @Test
    void should_answer_404_when_a_path_below_an_instance_is_unknown() {
        assertThat(http.get("/1/service/some-id/unknown").statusCode()).isEqualTo(404);
    }
}
