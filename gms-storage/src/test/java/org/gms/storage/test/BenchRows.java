package org.gms.storage.test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable result line of a benchmark, one per measure, which {@code scripts/gms bench} collects from
 * the benchmark's standard output into one table:
 *
 * <pre>BENCH-ROW|name|ours|baseline|ratio|target|verdict|cpu s|node cpu s|wall s</pre>
 *
 * {@code ours} and {@code baseline} carry their unit ("291 pairs/s"); an empty baseline and ratio mean that the
 * measure has no baseline in the run and is compared with an absolute target. The verdict is {@code pass} or
 * {@code short}. The last three fields tell a slow run from a busy machine: the CPU seconds this JVM spent, those of
 * its child processes (the embedded Cassandra node) and the seconds since this JVM started, all when the row is
 * printed. Numbers use a dot as decimal separator whatever the locale. Shared by the benchmarks of every module
 * through the storage test-jar.
 */
public final class BenchRows {

    public static final String PREFIX = "BENCH-ROW";
    public static final String SEPARATOR = "|";
    /** Fields of a row, the prefix included. */
    public static final int FIELDS = 10;

    private BenchRows() {
    }

    /** Ours against a baseline measured in the same run: passes when ours / baseline reaches {@code minRatio}. */
    public static String relative(String name, double ours, double baseline, String unit, double minRatio,
                                  String baselineName) {
        double ratio = ours / baseline;
        boolean pass = Double.isFinite(ratio) && ratio >= minRatio;
        return row(name, amount(ours, unit), amount(baseline, unit), format("%.2f", ratio),
                format(">= %.2fx %s", minRatio, baselineName), pass);
    }

    /** A rate or count with an absolute floor and no baseline. */
    public static String atLeast(String name, double ours, String unit, double target) {
        return row(name, amount(ours, unit), "", "", ">= " + amount(target, unit),
                Double.isFinite(ours) && ours >= target);
    }

    /** A latency or delay with an absolute ceiling and no baseline. */
    public static String atMost(String name, double ours, String unit, double target) {
        return row(name, amount(ours, unit), "", "", "<= " + amount(target, unit),
                Double.isFinite(ours) && ours <= target);
    }

    /** Prints the row on standard output, where {@code scripts/gms bench} reads it. */
    public static void print(String row) {
        System.out.println(row);
        System.out.flush();
    }

    /** The fields of a row after the prefix, or an empty list when the line is not a row. */
    public static List<String> parse(String line) {
        String[] fields = line.split("\\" + SEPARATOR, -1);
        if (fields.length != FIELDS || !PREFIX.equals(fields[0])) {
            return List.of();
        }
        return List.of(fields).subList(1, FIELDS);
    }

    /** CPU seconds this JVM spent since it started. */
    public static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** CPU seconds the child processes of this JVM (the embedded Cassandra node) spent, those still running. */
    public static double childCpuSeconds() {
        return ProcessHandle.current().descendants()
                .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum() / 1e9;
    }

    private static String row(String name, String ours, String baseline, String ratio, String target,
                              boolean pass) {
        List<String> fields = new ArrayList<>(List.of(PREFIX, name, ours, baseline, ratio, target,
                pass ? "pass" : "short", format("%.1f", cpuSeconds()), format("%.1f", childCpuSeconds()),
                format("%.1f", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)));
        for (String field : fields) {
            if (field.contains(SEPARATOR) || field.contains("\n") || field.contains("\r")) {
                throw new IllegalArgumentException("a row field may not hold " + SEPARATOR
                        + " or a line break: " + field);
            }
        }
        return String.join(SEPARATOR, fields);
    }

    /** The value and its unit; "none" when there is no value (a delay never reached, a rate over no time). */
    private static String amount(double value, String unit) {
        if (!Double.isFinite(value)) {
            return "none";
        }
        String number = Math.abs(value) >= 100 ? format("%.0f", value) : format("%.1f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
