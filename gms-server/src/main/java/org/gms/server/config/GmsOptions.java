package org.gms.server.config;

import java.util.ArrayList;
import java.util.List;
import org.gms.core.config.OptionCatalogue;

/** The catalogue of the whole server: every module's option declarations. */
public final class GmsOptions {

    private GmsOptions() {
    }

    public static OptionCatalogue catalogue() {
        List<org.gms.core.config.Option> all = new ArrayList<>();
        all.addAll(CoreOptions.OPTIONS);
        all.addAll(ClusterOptions.OPTIONS);
        all.addAll(SecurityOptions.OPTIONS);
        all.addAll(ServiceOptions.OPTIONS);
        all.addAll(StorageApiOptions.OPTIONS);
        all.addAll(PushOptions.OPTIONS);
        return new OptionCatalogue(all);
    }
}
