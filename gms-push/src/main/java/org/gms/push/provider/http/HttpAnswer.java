package org.gms.push.provider.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.gms.push.api.PushResult;
import org.gms.push.api.TransientPushException;

/**
 * The status, {@code Retry-After} and body of an HTTP answer.
 *
 * @param status     HTTP status
 * @param retryAfter the {@code Retry-After} header ({@code null} when absent)
 * @param body       response body as text
 */
public record HttpAnswer(int status, String retryAfter, String body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** 408, 429 and 5xx are worth retrying. */
    public boolean isTransient() {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The common mapping for plain HTTP receivers: 404/410 mean the target is gone. */
    public PushResult toResult(String target) {
        if (isSuccess()) {
            return PushResult.sent();
        }
        if (isTransient()) {
            throw transientFailure(target);
        }
        if (status == 404 || status == 410) {
            return PushResult.rejected("HTTP " + status + " from " + target);
        }
        return PushResult.failed("HTTP " + status + " from " + target);
    }

    public TransientPushException transientFailure(String target) {
        return new TransientPushException("HTTP " + status + " from " + target, retryAfterDuration().orElse(null));
    }

    public Optional<Duration> retryAfterDuration() {
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        String value = retryAfter.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }
}
