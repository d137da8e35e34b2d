package org.gms.server.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.Responses;
import org.gms.server.storage.FileSender;
import org.gms.server.storage.StorageFeature;
import org.gms.server.storage.StorageForms;
import org.gms.server.storage.StorageUrls;
import org.gms.storage.document.Document;
import org.gms.storage.document.DocumentValue;
import org.gms.storage.service.ServiceInstance;

/**
 * Storage bound to a service instance, {@code /genesys/1/service/{id}/storage[/{key} | /binary/{key}]}: the same
 * documents as the Storage API, living as long as the instance.
 */
final class ServiceScopedStorage {

    private static final String TEXT = "text/plain;charset=utf-8";

    private final Responses responses;
    private final StorageFeature documents;
    private final StorageForms forms;
    private final StorageUrls urls;

    ServiceScopedStorage(Responses responses, StorageFeature documents, StorageForms forms, StorageUrls urls) {
        this.responses = responses;
        this.documents = documents;
        this.forms = forms;
        this.urls = urls;
    }

    /** {@code path} is what follows {@code /storage}: empty, {@code key} or {@code binary/key}. */
    void handle(HttpServletRequest request, HttpServletResponse response, ServiceInstance instance, String[] path)
            throws IOException {
        String id = instance.id();
        switch (request.getMethod()) {
            case "POST" -> {
                if (path.length != 0) {
                    throw unknown(request);
                }
                documents.serviceStorage().put(id, instance.expiresAt(), forms.read(request));
                responses.json(request, response, Map.of("_id", id));
            }
            case "GET" -> get(request, response, id, path);
            default -> {
                if (path.length != 1) {
                    throw unknown(request);
                }
                documents.serviceStorage().delete(id, path[0]);
                responses.text(request, response, 200, TEXT, "");
            }
        }
    }

    /** Removes the instance's storage with the instance; most instances never stored anything. */
    void deleteAll(String serviceId) {
        try {
            documents.serviceStorage().deleteAll(serviceId);
        } catch (NotFoundException nothingStored) {
            // the instance had no storage
        }
    }

    private void get(HttpServletRequest request, HttpServletResponse response, String id, String[] path)
            throws IOException {
        if (path.length == 0) {
            Document document = documents.serviceStorage().read(id);
            Map<String, String> body = new LinkedHashMap<>();
            document.values().forEach((key, value) -> body.put(key, render(request, id, key, value)));
            responses.json(request, response, body);
        } else if (path.length == 1) {
            responses.text(request, response, 200, TEXT, render(request, id, path[0], documents.serviceStorage().read(id, path[0])));
        } else if (path.length == 2 && path[0].equals("binary")) {
            FileSender.send(request, response, responses, documents.serviceStorage().readFile(id, path[1]), path[1]);
        } else {
            throw unknown(request);
        }
    }

    private String render(HttpServletRequest request, String id, String key, DocumentValue value) {
        return value instanceof DocumentValue.Text text ? text.value() : urls.serviceDownload(request, id, key);
    }

    private static NotFoundException unknown(HttpServletRequest request) {
        return new NotFoundException("No service storage resource at " + request.getRequestURI());
    }
}
