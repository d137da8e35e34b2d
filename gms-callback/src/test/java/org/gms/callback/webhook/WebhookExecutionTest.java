package org.gms.callback.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookExecutionTest {

    @Test
    void should_take_the_session_id_of_the_answer_when_it_has_one() {
        assertThat(WebhookExecution.sessionId("{\"sessionId\":\"s-1\",\"other\":true}")).isEqualTo("s-1");
        assertThat(WebhookExecution.sessionId("{\"sessionId\":42}")).isEqualTo("42");
    }

    @Test
    void should_make_a_new_session_id_when_the_answer_has_none() {
        for (String answer : new String[] {"", "{}", "accepted", "{\"sessionId\":\" \"}", "{\"sessionId\":null}",
                "{\"sessionId\":{\"id\":1}}", "[\"s-1\"]", null}) {
            assertThat(WebhookExecution.sessionId(answer)).as(String.valueOf(answer))
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
        assertThat(WebhookExecution.sessionId("{}")).isNotEqualTo(WebhookExecution.sessionId("{}"));
    }

    @Test
    void should_make_a_new_session_id_when_the_answer_s_one_is_too_long() {
        assertThat(WebhookExecution.sessionId("{\"sessionId\":\"" + "x".repeat(300) + "\"}")).hasSize(36);
    }
}
