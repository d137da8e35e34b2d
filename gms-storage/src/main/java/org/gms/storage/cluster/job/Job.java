package org.gms.storage.cluster.job;

import java.time.Instant;

/**
 * A unit of work that must run once in the cluster.
 *
 * @param id      job id: a handler keys its effects on it, and the engine's done-marker makes it run once
 * @param type    selects the handler
 * @param payload handler data (often JSON or an id)
 * @param due     when it should run
 * @param attempt 0 on the first run, then 1, 2, ... after failures
 */
public record Job(String id, String type, String payload, Instant due, int attempt) {
}
