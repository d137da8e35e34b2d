package org.gms.storage.service;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.gms.storage.cassandra.Cql;

/** CQL of {@code service_instance}. */
final class ServiceInstanceDao {

    private static final String TABLE = ServiceTables.SERVICE_INSTANCE.name();

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement addResource;
    private final PreparedStatement removeResource;
    private final PreparedStatement delete;

    ServiceInstanceDao(Cql cql, String keyspace) {
        this.cql = cql;
        this.insert = cql.session().prepare(insertInto(keyspace, TABLE)
                .value("id", bindMarker("id"))
                .value("service", bindMarker("service"))
                .value("parameters", bindMarker("parameters"))
                .value("resources", bindMarker("resources"))
                .value("gms_user", bindMarker("gms_user"))
                .value("created_at", bindMarker("created_at"))
                .value("expires_at", bindMarker("expires_at"))
                .usingTtl(bindMarker("ttl")).build());
        this.select = cql.session().prepare(selectFrom(keyspace, TABLE).all()
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        this.addResource = cql.session().prepare(update(keyspace, TABLE).usingTtl(bindMarker("ttl"))
                .setMapValue("resources", bindMarker("key"), bindMarker("value"))
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        this.removeResource = cql.session().prepare(deleteFrom(keyspace, TABLE).element("resources", bindMarker("key"))
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        this.delete = cql.session().prepare(deleteFrom(keyspace, TABLE)
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
    }

    void insert(ServiceInstance instance, int ttlSeconds) {
        cql.execute(insert.boundStatementBuilder()
                .setString("id", instance.id())
                .setMap("parameters", instance.parameters(), String.class, String.class)
                .setMap("resources", instance.resources(), String.class, String.class)
                .setString("service", instance.service())
                .setString("gms_user", instance.gmsUser())
                .setInstant("created_at", instance.createdAt())
                .setInstant("expires_at", instance.expiresAt())
                .setInt("ttl", ttlSeconds).build());
    }

    Optional<ServiceInstance> find(String id) {
        Row row = cql.execute(select.bind().setString("id", id)).one();
        return Optional.ofNullable(row).map(ServiceInstanceDao::toInstance);
    }

    void addResource(String id, String key, String value, int ttlSeconds) {
        cql.execute(addResource.bind().setString("id", id).setString("key", key).setString("value", value)
                .setInt("ttl", ttlSeconds));
    }

    void removeResource(String id, String key) {
        cql.execute(removeResource.bind().setString("id", id).setString("key", key));
    }

    void delete(String id) {
        cql.execute(delete.bind().setString("id", id));
    }

    private static ServiceInstance toInstance(Row row) {
        Map<String, String> parameters = row.getMap("parameters", String.class, String.class);
        Map<String, String> resources = row.getMap("resources", String.class, String.class);
        String user = row.getString("gms_user");
        Instant created = row.getInstant("created_at");
        return new ServiceInstance(row.getString("id"), row.getString("service"), parameters, resources,
                user == null ? "" : user, created, row.getInstant("expires_at"));
    }
}
