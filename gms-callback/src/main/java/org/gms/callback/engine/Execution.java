package org.gms.callback.engine;

import org.gms.callback.config.ServiceOptions;
import org.gms.storage.callback.StoredCallback;

/** How the callbacks of a service are executed once submitted ({@code _execution}). */
public interface Execution {

    /**
     * Hands a callback over for execution.
     *
     * @return the session id to record as {@code _ors_session_id}, {@code ""} when there is none
     * @throws SubmitException when the submission failed; {@link SubmitException#retry()} says whether trying again
     *                         may succeed
     */
    String submit(StoredCallback callback, ServiceOptions options) throws SubmitException;

    /** Tells the executor that a submitted callback was cancelled; failures are logged, never thrown. */
    default void cancelled(StoredCallback callback, ServiceOptions options) {
    }

    /** A failed submission. */
    final class SubmitException extends Exception {

        private static final long serialVersionUID = 1L;
        private final boolean retry;

        public SubmitException(String message, boolean retry) {
            super(message);
            this.retry = retry;
        }

        public boolean retry() {
            return retry;
        }
    }
}
