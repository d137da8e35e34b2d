package org.gms.callback.engine;

import java.util.Optional;
import org.gms.callback.config.ServiceOptions;
import org.gms.core.error.GmsException;
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
        private final transient GmsException answer;

        public SubmitException(String message, boolean retry) {
            this(message, retry, null);
        }

        /**
         * @param answer what the request during which the submission ran (an immediate create) answers instead of
         *               its own answer; the callback is then COMPLETED/SUBMIT_FAILED at once
         */
        public SubmitException(String message, boolean retry, GmsException answer) {
            super(message, answer);
            this.retry = retry;
            this.answer = answer;
        }

        public boolean retry() {
            return retry;
        }

        /** The error the request that submitted answers; empty: that request answers as usual. */
        public Optional<GmsException> answer() {
            return Optional.ofNullable(answer);
        }
    }
}
