package org.gms.storage.cassandra.schema;

import com.datastax.oss.driver.api.querybuilder.SchemaBuilder;
import com.datastax.oss.driver.api.querybuilder.schema.CreateTable;
import com.datastax.oss.driver.api.querybuilder.schema.CreateTableWithOptions;

/**
 * Options of the tables whose partitions are read whole on every request while their rows come and go in hours
 * (bookings of an access number, locks of a pool, subscriptions of a filter). Deleted and expired rows leave
 * tombstones that every read of the partition walks over; with Cassandra's defaults (kept 10 days, purged only when
 * several sstables merge) a busy access number or filter would reach the tombstone failure threshold within days.
 * Here tombstones are kept 3 hours, as long as the default hint window, so a replica that was down for less than that
 * still learns of every delete; memtables flush hourly; and an sstable holding mostly tombstones is compacted on its
 * own once an hour.
 */
public final class ShortLivedRows {

    /** Seconds a tombstone is kept: Cassandra's default {@code max_hint_window} (3 h). */
    public static final int GC_GRACE_SECONDS = 3 * 3600;
    private static final int FLUSH_PERIOD_MILLIS = 3600 * 1000;
    private static final int TOMBSTONE_COMPACTION_INTERVAL_SECONDS = 3600;

    private ShortLivedRows() {
    }

    public static CreateTableWithOptions options(CreateTable table) {
        return table.withGcGraceSeconds(GC_GRACE_SECONDS)
                .withMemtableFlushPeriodInMs(FLUSH_PERIOD_MILLIS)
                .withCompaction(SchemaBuilder.sizeTieredCompactionStrategy()
                        .withTombstoneCompactionIntervalInSeconds(TOMBSTONE_COMPACTION_INTERVAL_SECONDS)
                        .withUncheckedTombstoneCompaction(true));
    }
}
