package org.gms.server.config;

import java.util.ArrayList;
import java.util.List;
import org.gms.callback.availability.AvailabilitySettings;
import org.gms.callback.calendar.OfficeHoursSettings;
import org.gms.callback.capacity.CapacitySettings;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.config.ServiceOptions;
import org.gms.callback.ors.OrsSettings;
import org.gms.callback.rules.ThrottleSettings;
import org.gms.chat.config.ChatSettings;
import org.gms.core.config.Option;
import org.gms.core.config.OptionCatalogue;
import org.gms.push.config.PushOptions;
import org.gms.server.ServerSettings;
import org.gms.server.cluster.ClusterSettings;
import org.gms.server.logging.LogSettings;
import org.gms.server.security.SecuritySettings;
import org.gms.server.security.auth.AuthSettings;
import org.gms.server.security.headers.HeaderSettings;
import org.gms.server.security.limit.RateLimitSettings;
import org.gms.server.security.logging.LogFilterSettings;
import org.gms.server.security.ports.PortRestrictions;
import org.gms.server.console.ConsoleSettings;
import org.gms.server.service.ServiceSettings;
import org.gms.server.storage.StorageApiSettings;
import org.gms.storage.CassandraSettings;
import org.gms.storage.cluster.job.JobSettings;

/** The catalogue of the whole server: every module's option declarations, each declared beside its settings. */
public final class GmsOptions {

    private GmsOptions() {
    }

    public static OptionCatalogue catalogue() {
        List<Option> all = new ArrayList<>();
        all.addAll(ServerSettings.OPTIONS);
        all.addAll(ConsoleSettings.OPTIONS);
        all.addAll(LogSettings.OPTIONS);
        all.addAll(CassandraSettings.OPTIONS);
        all.addAll(ClusterSettings.OPTIONS);
        all.addAll(JobSettings.OPTIONS);
        all.addAll(AuthSettings.OPTIONS);
        all.addAll(SecuritySettings.OPTIONS);
        all.addAll(HeaderSettings.OPTIONS);
        all.addAll(PortRestrictions.OPTIONS);
        all.addAll(RateLimitSettings.OPTIONS);
        all.addAll(LogFilterSettings.OPTIONS);
        all.addAll(ServiceSettings.OPTIONS);
        all.addAll(OfficeHoursSettings.OPTIONS);
        all.addAll(CapacitySettings.OPTIONS);
        all.addAll(AvailabilitySettings.OPTIONS);
        all.addAll(CallbackSettings.OPTIONS);
        all.addAll(ServiceOptions.OPTIONS);
        all.addAll(ThrottleSettings.OPTIONS);
        all.addAll(OrsSettings.OPTIONS);
        all.addAll(StorageApiSettings.OPTIONS);
        all.addAll(PushOptions.OPTIONS);
        all.addAll(ChatSettings.OPTIONS);
        return new OptionCatalogue(all);
    }
}
