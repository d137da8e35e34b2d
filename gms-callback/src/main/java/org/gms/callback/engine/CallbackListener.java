package org.gms.callback.engine;

import java.util.Optional;
import org.gms.callback.config.ServiceOptions;
import org.gms.storage.callback.StoredCallback;

/** Told of every change of a callback once it is stored (events, push). */
@FunctionalInterface
public interface CallbackListener {

    CallbackListener NONE = (before, after, options) -> {
    };

    /**
     * @param before the record before the change, empty for a new callback
     * @param after  the record as stored now
     */
    void changed(Optional<StoredCallback> before, StoredCallback after, ServiceOptions options);
}
