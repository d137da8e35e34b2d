package org.gms.storage.callback;

import java.time.Instant;

/** An index row of a submitted, unfinished callback: enough to count, order and find it. */
public record ActiveCallback(String service, String id, String queue, Instant desiredTime, String state) {
}
