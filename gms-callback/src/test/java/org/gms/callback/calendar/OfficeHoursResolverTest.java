package org.gms.callback.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.gms.callback.availability.CalendarServices;
import org.gms.core.config.NamedSection;
import org.gms.core.error.ServiceConfigurationException;
import org.junit.jupiter.api.Test;

/** The services that {@code _include_regular<n>} and {@code _use_alternative<n>} name, and their errors. */
class OfficeHoursResolverTest {

    private final ServiceSections services = new ServiceSections();

    @Test
    void should_name_the_missing_dates_when_an_alternative_has_no_effective_dates_of_its_suffix() {
        services.officeHours("desk", "_bh_regular1", "Mon-Fri 9:00-17:00", "_effective_dates1", "2026-07-01",
                        "_use_alternative2", "summer", "_effective_dates3", "")
                .officeHours("summer", "_bh_regular1", "Mon-Fri 10:00-14:00");
        assertThatThrownBy(() -> services.calendar("desk")).isInstanceOf(ServiceConfigurationException.class)
                .hasMessageContaining("[service.desk] _effective_dates2")
                .hasMessageContaining("_use_alternative2 [summer]");
    }

    @Test
    void should_name_the_service_and_option_when_a_named_service_is_not_configured() {
        services.officeHours("desk", "_bh_regular1", "Mon-Fri 9:00-17:00", "_include_regular4", "nowhere");
        assertThatThrownBy(() -> services.calendar("desk")).isInstanceOf(ServiceConfigurationException.class)
                .hasMessage("Wrong value [nowhere] for option [service.desk] _include_regular4:"
                        + " service [nowhere] is not configured");
    }

    @Test
    void should_name_the_service_and_option_when_an_alternative_is_not_an_office_hours_service() {
        services.officeHours("desk", "_use_alternative1", "slots", "_effective_dates1", "2026-07-01")
                .section("slots", Map.of("_type", "builtin", "_service", "capacity"));
        assertThatThrownBy(() -> services.calendar("desk")).isInstanceOf(ServiceConfigurationException.class)
                .hasMessageContaining("Wrong value [slots] for option [service.desk] _use_alternative1")
                .hasMessageContaining("not an office-hours service");
    }

    @Test
    void should_find_no_other_service_when_the_calendar_is_built_without_a_resolver() {
        NamedSection desk = NamedSection.service("desk", Map.of("_service", "office-hours",
                "_bh_regular1", "Mon 9:00-10:00", "_include_regular1", "phones"));
        assertThatThrownBy(() -> CalendarServices.officeHours(desk)).isInstanceOf(ServiceConfigurationException.class)
                .hasMessageContaining("[service.desk] _include_regular1: service [phones] is not configured");
    }

    @Test
    void should_report_the_loop_when_two_services_include_each_other() {
        services.officeHours("desk", "_include_regular1", "phones")
                .officeHours("phones", "_include_regular1", "desk");
        assertThatThrownBy(() -> services.calendar("desk")).isInstanceOf(ServiceConfigurationException.class)
                .hasMessage("Wrong value [desk] for option [service.phones] _include_regular1:"
                        + " services name each other in a loop: desk -> phones -> desk");
    }

    @Test
    void should_report_the_loop_when_a_service_includes_itself_or_alternatives_lead_back() {
        services.officeHours("self", "_include_regular1", "self")
                .officeHours("desk", "_use_alternative1", "summer", "_effective_dates1", "2026-07-01")
                .officeHours("summer", "_use_alternative1", "desk", "_effective_dates1", "2026-07-02");
        assertThatThrownBy(() -> services.calendar("self")).hasMessageContaining("loop: self -> self");
        assertThatThrownBy(() -> services.calendar("desk")).isInstanceOf(ServiceConfigurationException.class)
                .hasMessageContaining("loop: desk -> summer -> desk");
    }

    @Test
    void should_build_the_calendar_when_an_alternative_includes_the_regular_hours_of_the_service_using_it() {
        // the alternative takes only the weekly hours of desk, which names no service in its weekly hours: no loop
        services.officeHours("desk", "_bh_regular1", "Mon-Sun 9:00-10:00",
                        "_use_alternative1", "summer", "_effective_dates1", "2026-07-01")
                .officeHours("summer", "_include_regular1", "desk", "_bh_regular1", "Mon-Sun 15:00-16:00");
        assertThat(services.periods("desk", "2026-06-30", 2)).containsExactly(
                "2026-06-30T09:00:00Z/2026-06-30T10:00:00Z",
                "2026-07-01T09:00:00Z/2026-07-01T10:00:00Z",
                "2026-07-01T15:00:00Z/2026-07-01T16:00:00Z");
    }

    @Test
    void should_build_a_chain_of_the_maximum_depth_and_refuse_one_level_more() {
        chain(OfficeHoursResolver.MAX_DEPTH);
        assertThat(services.periods("level0", "2026-11-23", 1))
                .containsExactly("2026-11-23T09:00:00Z/2026-11-23T10:00:00Z");
        chain(OfficeHoursResolver.MAX_DEPTH + 1);
        assertThatThrownBy(() -> services.calendar("level0")).isInstanceOf(ServiceConfigurationException.class)
                .hasMessageContaining("more than " + OfficeHoursResolver.MAX_DEPTH + " levels");
    }

    @Test
    void should_refuse_a_chain_too_deep_when_its_end_was_built_first_at_a_shallower_level() {
        chain(OfficeHoursResolver.MAX_DEPTH);
        // level1 is reached first directly, with the chain below it 7 levels deep, then again under extra: 9 levels
        services.officeHours("level0", "_include_regular1", "level1", "_include_regular2", "extra")
                .officeHours("extra", "_include_regular1", "level1");
        assertThatThrownBy(() -> services.calendar("level0")).isInstanceOf(ServiceConfigurationException.class)
                .hasMessageContaining("more than " + OfficeHoursResolver.MAX_DEPTH + " levels");
    }

    /** level0 includes level1 ... includes level{levels}, which has the hours. */
    private void chain(int levels) {
        for (int level = 0; level < levels; level++) {
            services.officeHours("level" + level, "_include_regular1", "level" + (level + 1));
        }
        services.officeHours("level" + levels, "_bh_regular1", "Mon 9:00-10:00");
    }
}
