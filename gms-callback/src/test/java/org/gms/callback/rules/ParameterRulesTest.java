package org.gms.callback.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterRulesTest {

    private static final ParameterRules NUMBER_AND_ACCOUNT =
            new ParameterRules(2, List.of("_customer_number", "account"), true);

    @Test
    void should_take_the_header_value_when_body_and_header_name_the_same_parameter() {
        assertThat(NUMBER_AND_ACCOUNT.countedValues(Map.of("_customer_number", "5115", "account", "a1"),
                Map.of("ACCOUNT", "a2", "other", "x")))
                .containsExactly(Map.entry("_customer_number", "5115"), Map.entry("account", "a2"));
    }

    @Test
    void should_take_the_body_value_when_header_parameters_are_off() {
        ParameterRules bodyOnly = new ParameterRules(2, List.of("_customer_number", "account"), false);
        assertThat(bodyOnly.countedValues(Map.of("account", "a1"), Map.of("account", "a2", "_customer_number", "5")))
                .containsExactly(Map.entry("account", "a1"));
    }

    @Test
    void should_count_nothing_for_a_parameter_when_it_is_absent_or_blank() {
        assertThat(NUMBER_AND_ACCOUNT.countedValues(Map.of("account", "a1"), Map.of("account", " ")))
                .containsExactly(Map.entry("account", "a1"));
        assertThat(NUMBER_AND_ACCOUNT.countedValues(Map.of("_customer_number", ""), Map.of())).isEmpty();
    }

    @Test
    void should_reject_naming_the_parameter_when_earlier_requests_reach_the_limit() {
        assertThat(NUMBER_AND_ACCOUNT.rejection("account", "a1", 1)).isEmpty();
        assertThat(NUMBER_AND_ACCOUNT.rejection("account", "a1", 2)).contains("Callback for account=a1 rejected"
                + " because previous callbacks for this parameter were requested for more than 2 times today.");
    }

    @Test
    void should_reject_the_first_request_when_the_limit_is_0() {
        assertThat(new ParameterRules(0, List.of("_customer_number"), true).rejection("_customer_number", "5115", 0))
                .contains("Callback for _customer_number=5115 rejected because previous callbacks for this parameter"
                        + " were requested for more than 0 times today.");
    }

    @Test
    void should_count_under_the_server_date_when_utc_is_still_on_the_day_before() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        ParameterCounterKey key = ParameterCounterKey.of("svc", "_customer_number", "5115",
                Instant.parse("2026-03-02T23:30:00Z"), paris);
        assertThat(key).isEqualTo(new ParameterCounterKey("svc", "_customer_number", "5115", LocalDate.of(2026, 3, 3)));
        assertThat(key.endOfDay(paris)).isEqualTo(Instant.parse("2026-03-03T23:00:00Z"));
    }
}
