package org.gms.callback.engine;

import org.gms.callback.config.ServiceOptions;
import org.gms.storage.callback.StoredCallback;

/** {@code _execution=queue}: a submitted callback waits in its virtual queue until an agent takes it. */
public final class QueueExecution implements Execution {

    @Override
    public String submit(StoredCallback callback, ServiceOptions options) {
        return "";
    }
}
