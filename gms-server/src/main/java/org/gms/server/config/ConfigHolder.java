package org.gms.server.config;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
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

    private final ConfigLoader loader;

    /** A configuration made in code: nothing to watch. */
    public ConfigHolder(GmsConfig initial) {
        this(initial, null);
    }

    /** A configuration read by {@code loader}, which the server watches for changes. */
    public ConfigHolder(GmsConfig initial, ConfigLoader loader) {
        this.current = initial;
        this.loader = loader;
    }

    /** The loader of the files this configuration comes from, when it comes from files. */
    public Optional<ConfigLoader> loader() {
        return Optional.ofNullable(loader);
    }

    @Override
    public GmsConfig get() {
        return current;
    }

    public void onChange(Consumer<GmsConfig> listener) {
        listeners.add(listener);
    }

    /**
     * A module's typed settings, built from the current snapshot and built again only when the snapshot changes: what
     * a feature takes for options that apply at once. A snapshot the settings refuse (a value only the module can
     * judge) is reported once and the previous settings stay; the first snapshot must be valid.
     */
    public <T> Supplier<T> settings(Function<GmsConfig, T> factory) {
        return new Settings<>(factory, current);
    }

    /**
     * Read on every request by the handlers, so a read is one volatile load and an identity check; only a changed
     * snapshot takes the lock and builds again.
     */
    private final class Settings<T> implements Supplier<T> {

        private record Built<T>(GmsConfig source, T value) {
        }

        private final Function<GmsConfig, T> factory;
        private volatile Built<T> built;

        Settings(Function<GmsConfig, T> factory, GmsConfig first) {
            this.factory = factory;
            this.built = new Built<>(first, factory.apply(first));
        }

        @Override
        public T get() {
            Built<T> known = built;
            GmsConfig now = current;
            return known.source() == now ? known.value() : rebuild(now);
        }

        private synchronized T rebuild(GmsConfig now) {
            Built<T> known = built;
            if (known.source() != now) {
                T value = known.value();
                try {
                    value = factory.apply(now);
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}; the previous value stays until the configuration is fixed", e.getMessage());
                }
                known = new Built<>(now, value);
                built = known;
            }
            return known.value();
        }
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
