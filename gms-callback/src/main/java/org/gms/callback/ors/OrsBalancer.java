package org.gms.callback.ors;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The order in which one request tries the ORS URLs of its target. Linear: as configured. Circular: each request
 * starts one URL further than the previous request to the same list (round robin per list on this node), then
 * tries the following ones, wrapping around. Every URL is tried at most once per request.
 */
final class OrsBalancer {

    /** Lists come from the configuration (and from requests where {@code _ors} is overwritable): bounded. */
    private static final int MAX_LISTS = 1024;
    private final Map<List<URI>, AtomicInteger> turns = new ConcurrentHashMap<>();

    List<URI> order(OrsTarget target) {
        List<URI> urls = target.urls();
        if (target.strategy() == LoadBalancing.LINEAR || urls.size() < 2) {
            return urls;
        }
        if (turns.size() > MAX_LISTS) {
            turns.clear();
        }
        int turn = turns.computeIfAbsent(urls, key -> new AtomicInteger()).getAndIncrement();
        int start = Math.floorMod(turn, urls.size());
        List<URI> ordered = new ArrayList<>(urls.size());
        for (int index = 0; index < urls.size(); index++) {
            ordered.add(urls.get((start + index) % urls.size()));
        }
        return ordered;
    }
}
