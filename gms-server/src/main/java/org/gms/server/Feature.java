package org.gms.server;

/**
 * One capability of the server (node API, storage API, services, ...). It registers its servlets and components when
 * the server is created; the storage is not started yet then, so anything that needs it is built in
 * {@link ServerContext#onStorageReady(Runnable)} or lazily on first request.
 */
public interface Feature {

    void install(ServerContext context);
}
