package org.gms.server.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.gms.core.config.Option;
import org.gms.core.config.ReloadPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current configuration snapshot. Components that honour {@link ReloadPolicy#IMMEDIATE} options read it per use
 * (it is a {@link Supplier}) or listen for changes; the others keep what they read at start.
 */
public final class ConfigHolder implements Supplier<GmsConfig> {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigHolder.class);

    private volatile GmsConfig current;
    private final List<Consumer<GmsConfig>> listeners = new CopyOnWriteArrayList<>();

    public ConfigHolder(GmsConfig initial) {
        this.current = initial;
    }

    @Override
    public GmsConfig get() {
        return current;
    }

    public void onChange(Consumer<GmsConfig> listener) {
        listeners.add(listener);
    }

    /** Installs a new snapshot, reports options that need a restart, and tells the listeners. */
    public void update(GmsConfig next) {
        GmsConfig previous = current;
        current = next;
        for (Option option : next.catalogue().options()) {
            if (option.reload() == ReloadPolicy.RESTART && !option.isWildcard() && !option.section().endsWith("*")
                    && !previous.value(option.section(), option.name()).equals(next.value(option.section(), option.name()))) {
                LOG.warn("Option [{}] {} changed; the new value takes effect after a restart", option.section(),
                        option.name());
            }
        }
        for (Consumer<GmsConfig> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.error("A configuration listener failed: {}", e.toString(), e);
            }
        }
    }
}
