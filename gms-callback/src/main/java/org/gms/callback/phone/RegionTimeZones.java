package org.gms.callback.phone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The time zone of each region whose civil clocks are one zone ({@code region-time-zones.tsv}: the regions with a
 * single row in the tz database's zone.tab); a region with several zones has none here.
 */
final class RegionTimeZones {

    static final String RESOURCE = "region-time-zones.tsv";
    private static final Map<String, String> ZONES = load();

    private RegionTimeZones() {
    }

    /** The one zone of {@code region} (an ISO 3166 code); empty when it has several or is unknown. */
    static Optional<String> of(String region) {
        return region == null ? Optional.empty() : Optional.ofNullable(ZONES.get(region));
    }

    /** Every region of the table with its zone. */
    static Map<String, String> all() {
        return ZONES;
    }

    private static Map<String, String> load() {
        Map<String, String> zones = new TreeMap<>();
        try (InputStream in = RegionTimeZones.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2 || zones.put(columns[0].trim(), columns[1].trim()) != null) {
                    throw new IllegalStateException("Bad line in " + RESOURCE + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(zones);
    }
}
