package org.gms.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.storage.StorageClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gms.server.GmsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent updates of one document each add their keys; none is lost to another's TTL rewrite. */
class StorageConcurrencyIT {

    private static final int CLIENTS = 8;
    private static final int UPDATES_PER_CLIENT = 6;
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.defaultServer();

    private final StorageClient http = new StorageClient(gms.server());

    @Test
    void should_keep_every_key_when_many_clients_update_one_document_at_once() throws Exception {
        String id = json(http.postMultipart("/1/storage/60", new StorageClient.Multipart().field("origin", "0")
                .file("attachment", "a.bin", "application/octet-stream", StorageFilesIT.randomBytes(20_000, 9))))
                .get("id");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<Integer>>> clients = new ArrayList<>();
        try {
            for (int client = 0; client < CLIENTS; client++) {
                int number = client;
                clients.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    List<Integer> statuses = new ArrayList<>();
                    for (int update = 0; update < UPDATES_PER_CLIENT; update++) {
                        HttpResponse<byte[]> answer = http.postForm("/1/storage/" + id + "/60",
                                Map.of("client" + number + "-" + update, "v" + update, "shared", "c" + number));
                        statuses.add(answer.statusCode());
                    }
                    return statuses;
                }, pool));
            }
            go.countDown();
            for (CompletableFuture<List<Integer>> client : clients) {
                assertThat(client.get(60, TimeUnit.SECONDS)).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, String> document = json(http.get("/1/storage/" + id));
        assertThat(document).hasSize(2 + 1 + CLIENTS * UPDATES_PER_CLIENT);
        for (int client = 0; client < CLIENTS; client++) {
            for (int update = 0; update < UPDATES_PER_CLIENT; update++) {
                assertThat(document).containsEntry("client" + client + "-" + update, "v" + update);
            }
        }
        assertThat(document).containsEntry("origin", "0").containsKey("attachment");
        assertThat(document.get("shared")).matches("c[0-9]");
        assertThat(http.get("/1/storage/binary/" + id + "/attachment").body())
                .isEqualTo(StorageFilesIT.randomBytes(20_000, 9));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
