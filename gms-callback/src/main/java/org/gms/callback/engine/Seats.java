package org.gms.callback.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.gms.storage.callback.CallbackRepository;

/**
 * The places of capacity slots. A slot of capacity C has seats 0..C-1; a callback takes one with a lightweight
 * transaction, so two requests never get the same seat and a slot never holds more than C callbacks, whatever the
 * number of nodes. A cancel or a reschedule gives its seat back at once.
 */
final class Seats {

    /**
     * Rounds of read-then-claim beyond the capacity: a claim lost means another request took that seat, so after at
     * most C lost claims the slot reads full; the margin covers seats given back meanwhile.
     */
    private static final int EXTRA_ROUNDS = 50;

    private final CallbackRepository repository;

    Seats(CallbackRepository repository) {
        this.repository = repository;
    }

    /** Takes a free seat of the slot for {@code holder}; {@code -1} when the slot is full (or kept contended). */
    int claim(String service, Instant slot, int capacity, String holder, Duration keep) {
        if (capacity <= 0) {
            return -1;
        }
        // most slots are far from full: a random seat is free, and one transaction takes it without a read first
        int guess = ThreadLocalRandom.current().nextInt(capacity);
        if (repository.claimSeat(service, slot, guess, holder, keep)) {
            return guess;
        }
        for (int round = 0; round < capacity + EXTRA_ROUNDS; round++) {
            Map<Integer, String> taken = repository.seats(service, slot);
            if (taken.containsValue(holder)) {
                return taken.entrySet().stream().filter(e -> e.getValue().equals(holder)).findFirst().orElseThrow()
                        .getKey();
            }
            if (taken.size() >= capacity) {
                return -1;
            }
            int start = ThreadLocalRandom.current().nextInt(capacity);
            for (int i = 0; i < capacity; i++) {
                int seat = (start + i) % capacity;
                if (!taken.containsKey(seat)) {
                    if (repository.claimSeat(service, slot, seat, holder, keep)) {
                        return seat;
                    }
                    break;
                }
            }
        }
        return -1;
    }

    void release(String service, Instant slot, int seat, String holder) {
        if (slot != null && seat >= 0) {
            repository.releaseSeat(service, slot, seat, holder);
        }
    }
}
