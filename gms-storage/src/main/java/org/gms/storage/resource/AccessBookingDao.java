package org.gms.storage.resource;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import org.gms.storage.cassandra.Cql;

/** CQL of {@code access_booking}. */
final class AccessBookingDao {

    private static final String TABLE = ResourceTables.ACCESS_BOOKING.name();

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;
    private final PreparedStatement deleteIfExists;

    AccessBookingDao(Cql cql, String keyspace) {
        this.cql = cql;
        this.insert = cql.session().prepare(insertInto(keyspace, TABLE)
                .value("access_number", bindMarker("access_number"))
                .value("access_code", bindMarker("access_code"))
                .value("service_id", bindMarker("service_id"))
                .value("group_name", bindMarker("group_name"))
                .value("strategy", bindMarker("strategy"))
                .value("phone_number", bindMarker("phone_number"))
                .value("gms_user", bindMarker("gms_user"))
                .value("booked_at", bindMarker("booked_at"))
                .value("expires_at", bindMarker("expires_at"))
                .usingTtl(bindMarker("ttl")).build());
        this.select = cql.session().prepare(selectFrom(keyspace, TABLE).all()
                .whereColumn("access_number").isEqualTo(bindMarker("access_number")).build());
        this.delete = cql.session().prepare(deleteFrom(keyspace, TABLE)
                .whereColumn("access_number").isEqualTo(bindMarker("access_number"))
                .whereColumn("access_code").isEqualTo(bindMarker("access_code"))
                .whereColumn("service_id").isEqualTo(bindMarker("service_id")).build());
        this.deleteIfExists = cql.session().prepare(deleteFrom(keyspace, TABLE)
                .whereColumn("access_number").isEqualTo(bindMarker("access_number"))
                .whereColumn("access_code").isEqualTo(bindMarker("access_code"))
                .whereColumn("service_id").isEqualTo(bindMarker("service_id")).ifExists().build());
    }

    void insert(Booking booking, int ttlSeconds) {
        cql.execute(insert.bind()
                .setString("access_number", booking.accessNumber())
                .setString("access_code", booking.accessCode())
                .setString("service_id", booking.serviceId())
                .setString("group_name", booking.group())
                .setString("strategy", booking.strategy().name())
                .setString("phone_number", booking.phoneNumber())
                .setString("gms_user", booking.gmsUser())
                .setInstant("booked_at", booking.bookedAt())
                .setInstant("expires_at", booking.expiresAt())
                .setInt("ttl", ttlSeconds));
    }

    List<Booking> find(String accessNumber) {
        List<Booking> bookings = new ArrayList<>();
        for (Row row : cql.execute(select.bind().setString("access_number", accessNumber))) {
            bookings.add(toBooking(row));
        }
        return bookings;
    }

    void delete(Booking booking) {
        cql.execute(delete.bind().setString("access_number", booking.accessNumber())
                .setString("access_code", booking.accessCode()).setString("service_id", booking.serviceId()));
    }

    /** Deletes the booking with a lightweight transaction: true for the one caller that saw it and removed it. */
    boolean deleteIfExists(Booking booking) {
        return cql.execute(deleteIfExists.bind().setString("access_number", booking.accessNumber())
                .setString("access_code", booking.accessCode()).setString("service_id", booking.serviceId()))
                .wasApplied();
    }

    private static Booking toBooking(Row row) {
        return new Booking(row.getString("access_number"), row.getString("access_code"), row.getString("service_id"),
                row.getString("group_name"), AllocationStrategy.valueOf(row.getString("strategy")),
                nullToEmpty(row.getString("phone_number")), nullToEmpty(row.getString("gms_user")),
                row.getInstant("booked_at"), row.getInstant("expires_at"));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
