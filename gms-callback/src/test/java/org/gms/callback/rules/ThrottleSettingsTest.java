package org.gms.callback.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.gms.core.config.Option;
import org.gms.core.config.OptionFamily;
import org.gms.core.config.OptionType;
import org.junit.jupiter.api.Test;

class ThrottleSettingsTest {

    @Test
    void should_give_the_built_in_defaults_when_neither_section_sets_anything() {
        ThrottleSettings settings = ThrottleSettings.resolve(Map.of(), Map.of());
        assertThat(settings).isEqualTo(new ThrottleSettings(
                new RateRules(new RateRule(500, 300), new RateRule(1000, 3600)),
                new ParameterRules(6, List.of("_customer_number"), true),
                new QueueRules(InQueueChecking.ON, OptionalInt.empty()), List.of()));
    }

    @Test
    void should_take_limit_and_ttl_from_different_sections_when_the_service_sets_one_of_them() {
        ThrottleSettings settings = ThrottleSettings.resolve(
                Map.of("_throttle_callbacks_per_service_1", "3", "_throttle_ttl_1", " ", "_throttle_ttl_2", "19"),
                Map.of("_throttle_callbacks_per_service_1", "2", "_throttle_ttl_1", "10",
                        "_throttle_callbacks_per_service_2", "4"));
        assertThat(settings.rates()).isEqualTo(new RateRules(new RateRule(3, 10), new RateRule(4, 19)));
    }

    @Test
    void should_give_the_default_and_a_warning_when_the_service_value_is_invalid() {
        ThrottleSettings settings = ThrottleSettings.resolve(
                Map.of("_throttle_ttl_1", "-1", "_throttle_callbacks_per_service_2", "many"),
                Map.of("_throttle_ttl_1", "10", "_throttle_callbacks_per_service_2", "4"));
        assertThat(settings.rates()).isEqualTo(new RateRules(new RateRule(500, 300), new RateRule(1000, 3600)));
        assertThat(settings.warnings()).containsExactly("Wrong value [-1] for option [_throttle_ttl_1]",
                "Wrong value [many] for option [_throttle_callbacks_per_service_2]");
    }

    @Test
    void should_read_the_older_limit_name_when_the_current_one_is_not_set() {
        assertThat(ThrottleSettings.resolve(Map.of("_throttle_customer_number_limit", "3"),
                Map.of("_throttle_request_parameters_limit", "4")).parameters().limit()).isEqualTo(3);
        assertThat(ThrottleSettings.resolve(Map.of(), Map.of("_throttle_customer_number_limit", "4"))
                .parameters().limit()).isEqualTo(4);
        assertThat(ThrottleSettings.resolve(Map.of("_throttle_request_parameters_limit", "2",
                "_throttle_customer_number_limit", "3"), Map.of()).parameters().limit()).isEqualTo(2);
    }

    @Test
    void should_list_each_parameter_once_when_the_list_has_spaces_and_repeats() {
        ThrottleSettings settings = ThrottleSettings.resolve(
                Map.of("_throttle_request_parameters", " _customer_number, account ,_customer_number",
                        "_enable_throttle_header_parameters", "FALSE"), Map.of());
        assertThat(settings.parameters()).isEqualTo(
                new ParameterRules(6, List.of("_customer_number", "account"), false));
        assertThat(ThrottleSettings.resolve(Map.of("_throttle_request_parameters", " , "), Map.of()).warnings())
                .containsExactly("Wrong value [,] for option [_throttle_request_parameters]");
    }

    @Test
    void should_read_in_queue_checking_from_callback_when_the_service_leaves_it_empty() {
        assertThat(ThrottleSettings.resolve(Map.of("_enable_in_queue_checking", ""),
                Map.of("_enable_in_queue_checking", "Strict")).queue().inQueueChecking())
                .isEqualTo(InQueueChecking.STRICT);
        assertThat(ThrottleSettings.resolve(Map.of("_enable_in_queue_checking", "false"),
                Map.of("_enable_in_queue_checking", "strict")).queue().inQueueChecking())
                .isEqualTo(InQueueChecking.OFF);
        ThrottleSettings invalid = ThrottleSettings.resolve(Map.of("_enable_in_queue_checking", "sometimes"),
                Map.of("_enable_in_queue_checking", "false"));
        assertThat(invalid.queue().inQueueChecking()).isEqualTo(InQueueChecking.ON);
        assertThat(invalid.warnings())
                .containsExactly("Wrong value [sometimes] for option [_enable_in_queue_checking]");
    }

    @Test
    void should_take_the_queue_limit_of_callback_without_underscore_when_the_service_has_none() {
        assertThat(ThrottleSettings.resolve(Map.of(), Map.of("max_queued_callbacks_per_service", "0")).queue()
                .maxQueuedCallbacks()).hasValue(0);
        assertThat(ThrottleSettings.resolve(Map.of("_max_queued_callbacks_per_service", "1"),
                Map.of("max_queued_callbacks_per_service", "0")).queue().maxQueuedCallbacks()).hasValue(1);
        assertThat(ThrottleSettings.resolve(Map.of(), Map.of("_max_queued_callbacks_per_service", "1")).queue()
                .maxQueuedCallbacks()).isEmpty();
        assertThat(ThrottleSettings.resolve(Map.of("_max_queued_callbacks_per_service", "-1"),
                Map.of("max_queued_callbacks_per_service", "5")).queue().maxQueuedCallbacks()).isEmpty();
    }

    @Test
    void should_declare_every_option_as_text_in_services_and_callback_when_listed_for_the_catalogue() {
        List<String> shared = List.of("_throttle_callbacks_per_service_1", "_throttle_ttl_1",
                "_throttle_callbacks_per_service_2", "_throttle_ttl_2", "_throttle_request_parameters_limit",
                "_throttle_customer_number_limit", "_throttle_request_parameters", "_enable_throttle_header_parameters",
                "_enable_in_queue_checking");
        assertThat(ThrottleSettings.OPTIONS).allMatch(option -> option.type() == OptionType.STRING)
                .allMatch(option -> option.accepts("-1"));
        assertThat(names(OptionFamily.SERVICE)).containsAll(shared).contains("_max_queued_callbacks_per_service")
                .hasSize(shared.size() + 1);
        assertThat(names("callback")).containsAll(shared).contains("max_queued_callbacks_per_service")
                .hasSize(shared.size() + 1);
    }

    private static List<String> names(String section) {
        return ThrottleSettings.OPTIONS.stream().filter(option -> option.section().equals(section))
                .map(Option::name).toList();
    }
}
