package org.gms.server.service;

import java.time.Clock;
import org.gms.storage.cassandra.CassandraStorage;
import org.gms.storage.error.StorageUnavailableException;
import org.gms.storage.resource.ResourceRepository;
import org.gms.storage.service.ServiceInstanceRepository;

/** The repositories of the service API, built once the storage is connected. */
final class ServiceStorage {

    private volatile ServiceInstanceRepository instances;
    private volatile ResourceRepository resources;

    void connect(CassandraStorage storage, Clock clock) {
        String keyspace = storage.settings().keyspace();
        resources = new ResourceRepository(storage.cql(), keyspace, clock);
        instances = new ServiceInstanceRepository(storage.cql(), keyspace, clock);
    }

    ServiceInstanceRepository instances() {
        ServiceInstanceRepository current = instances;
        if (current == null) {
            throw new StorageUnavailableException("Storage is not ready", null);
        }
        return current;
    }

    ResourceRepository resources() {
        ResourceRepository current = resources;
        if (current == null) {
            throw new StorageUnavailableException("Storage is not ready", null);
        }
        return current;
    }
}
