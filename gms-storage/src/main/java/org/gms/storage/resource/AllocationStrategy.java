package org.gms.storage.resource;

/** {@code _allocation_strategy} of a resource group. */
public enum AllocationStrategy {
    /** Any resource, no lock: the same one may be handed to several holders at once. */
    RANDOM,
    /** One holder at a time on this node (an in-memory lock). */
    LOCAL,
    /** One holder at a time in the whole cluster (a Cassandra lightweight transaction). */
    CLUSTER
}
