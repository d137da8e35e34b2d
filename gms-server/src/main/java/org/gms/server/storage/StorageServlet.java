package org.gms.server.storage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.gms.storage.document.Document;
import org.gms.storage.document.DocumentField;
import org.gms.storage.document.DocumentRepository;
import org.gms.storage.document.DocumentValue;

/**
 * {@code /genesys/1/storage/...}: create, update, read and delete documents of keys with a TTL.
 * <pre>
 * POST   /storage/{ttl}                     create, answers {"id":"<uuid>"}
 * POST   /storage/custom/{customId}/{ttl}   create or replace a document bound to the gms_user header
 * POST   /storage/{id}/{ttl}                add or replace keys, keep the others, give the document the new TTL
 * GET    /storage/{id}                      every key as JSON (files as download URLs)
 * GET    /storage/{id}/{key}                one value as text/plain
 * GET    /storage/binary/{id}/{key}         a file's bytes
 * DELETE /storage/{id}  and  /storage/{id}/{key}
 * </pre>
 */
final class StorageServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;
    static final String USER_HEADER = "gms_user";
    static final String TEXT = "text/plain;charset=utf-8";

    private final transient StorageFeature feature;
    private final transient StorageUrls urls;
    private final transient StorageForms forms;

    StorageServlet(Responses responses, StorageFeature feature, StorageUrls urls, long maxUpload) {
        super(responses);
        this.feature = feature;
        this.urls = urls;
        this.forms = new StorageForms(maxUpload);
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST", "DELETE");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = pathAfterServlet(request).split("/", -1);
        Optional<String> user = Optional.ofNullable(request.getHeader(USER_HEADER));
        switch (request.getMethod()) {
            case "POST" -> post(request, response, path, user);
            case "GET" -> get(request, response, path, user);
            default -> delete(request, response, path, user);
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response, String[] path, Optional<String> user)
            throws IOException {
        if (path.length == 1 && !path[0].isEmpty()) {
            List<DocumentField> fields = forms.read(request);
            String id = feature.repository().create(DocumentRepository.ttl(path[0]), fields);
            responses.json(request, response, Map.of("id", id));
        } else if (path.length == 3 && path[0].equals("custom")) {
            List<DocumentField> fields = forms.read(request);
            feature.repository().createCustom(path[1], user, DocumentRepository.ttl(path[2]), fields);
            responses.json(request, response, Map.of("id", path[1]));
        } else if (path.length == 2) {
            List<DocumentField> fields = forms.read(request);
            feature.repository().update(path[0], user, DocumentRepository.ttl(path[1]), fields);
            responses.json(request, response, Map.of("id", path[0]));
        } else {
            throw unknown(request);
        }
    }

    private void get(HttpServletRequest request, HttpServletResponse response, String[] path, Optional<String> user)
            throws IOException {
        if (path.length == 1 && !path[0].isEmpty()) {
            Document document = feature.repository().read(path[0], user);
            Map<String, String> body = new LinkedHashMap<>();
            document.values().forEach((key, value) -> body.put(key, render(request, document.id(), key, value)));
            responses.json(request, response, body);
        } else if (path.length == 2) {
            DocumentValue value = feature.repository().read(path[0], user, path[1]);
            responses.text(request, response, 200, TEXT, render(request, path[0], path[1], value));
        } else if (path.length == 3 && path[0].equals("binary")) {
            FileSender.send(request, response, responses, feature.repository().readFile(path[1], user, path[2]),
                    path[2]);
        } else {
            throw unknown(request);
        }
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, String[] path,
                        Optional<String> user) throws IOException {
        if (path.length == 1 && !path[0].isEmpty()) {
            feature.repository().delete(path[0], user);
        } else if (path.length == 2) {
            feature.repository().delete(path[0], user, path[1]);
        } else {
            throw unknown(request);
        }
        responses.text(request, response, 200, TEXT, "");
    }

    /** A text value as it is; a file as the URL that downloads it. */
    private String render(HttpServletRequest request, String id, String key, DocumentValue value) {
        if (value instanceof DocumentValue.Text text) {
            return text.value();
        }
        return urls.download(request, id, key);
    }

    private static NotFoundException unknown(HttpServletRequest request) {
        return new NotFoundException("No storage resource at " + request.getRequestURI());
    }
}
