package org.gms.storage;

/** Whether the storage answers right now; the node reports OFFLINE while it does not. */
public interface StorageHealth {

    boolean isAvailable();
}
