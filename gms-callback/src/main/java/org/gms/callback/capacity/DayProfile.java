package org.gms.callback.capacity;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Capacities of one day: each {@code HHmm} key gives the capacity of the hour that starts there; a time no key covers
 * has capacity 0.
 */
public record DayProfile(NavigableMap<Integer, Integer> capacityByStartMinute) {

    static final int SLOT_MINUTES = 60;
    static final DayProfile CLOSED = new DayProfile(new TreeMap<>());

    public DayProfile {
        capacityByStartMinute = new TreeMap<>(capacityByStartMinute);
    }

    int capacityAt(int minuteOfDay) {
        Map.Entry<Integer, Integer> slot = capacityByStartMinute.floorEntry(minuteOfDay);
        if (slot == null || minuteOfDay - slot.getKey() >= SLOT_MINUTES) {
            return 0;
        }
        return slot.getValue();
    }
}
