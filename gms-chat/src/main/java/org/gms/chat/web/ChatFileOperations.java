package org.gms.chat.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.gms.chat.api.ChatEvents;
import org.gms.chat.api.ChatException;
import org.gms.chat.engine.AgentDesk;
import org.gms.chat.engine.ChatEngine;
import org.gms.chat.engine.ChatView;
import org.gms.chat.files.FileLimits;
import org.gms.core.error.NotFoundException;
import org.gms.storage.chat.ChatFileTooLargeException;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;
import org.gms.storage.chat.StoredChatFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's file operations, over REST ({@code <chatId>/file/limits}, {@code <chatId>/file},
 * {@code <chatId>/file/<fileId>/download}, {@code <chatId>/file/<fileId>/delete}) and over {@code /2/chat-ntf}
 * (operation {@code fileGetLimits}/{@code fileGetsLimits}, {@code fileUpload}, {@code fileDownload},
 * {@code fileDelete}, with the secure key alone). Files live in Cassandra beside the transcript; the limits are the
 * options of {@code [chat.<service>]} named like the keys of the {@code file-client-cfg-get} notice. Agents upload
 * and download through the agent API with the same limits ({@link #agentUpload}, {@link #agentDownload}).
 */
final class ChatFileOperations {

    private static final Logger LOG = LoggerFactory.getLogger(ChatFileOperations.class);

    private final Supplier<ChatEngine> engine;

    ChatFileOperations(Supplier<ChatEngine> engine) {
        this.engine = engine;
    }

    /** Streams a REST download ({@code <svc>/<chatId>/file/<fileId>/download}) and returns true; false otherwise. */
    boolean download(HttpServletRequest request, HttpServletResponse response, String[] path,
                     Map<String, String> fields) throws IOException {
        if (path.length != 5 || !path[4].equals("download")) {
            return false;
        }
        StoredChat chat = engine.get().authorize(path[1], fields.get("secureKey"));
        stream(chat, path[3], response);
        return true;
    }

    /** The other REST file operations: the v2 answer. */
    ChatView handle(HttpServletRequest request, String[] path, Map<String, String> fields) {
        StoredChat chat = engine.get().authorize(path[1], fields.get("secureKey"));
        if (path.length == 4 && path[3].equals("limits")) {
            return limits(chat);
        }
        if (path.length == 3) {
            return upload(chat, request, fields);
        }
        if (path.length == 5 && path[4].equals("delete")) {
            return delete(chat, path[3]);
        }
        throw ChatException.badRequest("Unknown file operation " + String.join("/", path));
    }

    /** {@code /2/chat-ntf}: returns true when it streamed a download, else the answer is given. */
    Object notification(HttpServletRequest request, HttpServletResponse response, Map<String, String> fields)
            throws IOException {
        StoredChat chat = engine.get().authorize(fields.get("secureKey"));
        String operation = fields.getOrDefault("operation", "");
        switch (operation) {
            case "fileGetLimits", "fileGetsLimits" -> {
                return limits(chat);
            }
            case "fileUpload" -> {
                return upload(chat, request, fields);
            }
            case "fileDownload" -> {
                stream(chat, required(fields, "fileId"), response);
                return null;
            }
            case "fileDelete" -> {
                return delete(chat, required(fields, "fileId"));
            }
            default -> throw ChatException.badRequest("Unknown chat-ntf operation [" + operation
                    + "]: fileGetLimits, fileUpload, fileDownload or fileDelete");
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw ChatException.badRequest(name + " is required");
        }
        return value.trim();
    }

    private FileLimits limitsOf(StoredChat chat) {
        return FileLimits.from(engine.get().serviceOptions(chat.service()).options(),
                warning -> LOG.warn("Chat service {}: {}", chat.service(), warning));
    }

    private ChatView limits(StoredChat chat) {
        List<StoredChatFile> files = engine.get().files().list(chat.chatId());
        List<StoredChatFile> kept = files.stream().filter(file -> !file.deleted()).toList();
        long total = kept.stream().mapToLong(StoredChatFile::size).sum();
        int downloads = files.stream().mapToInt(StoredChatFile::downloads).sum();
        StoredChatEvent notice = engine.get().postAsCustomer(chat, ChatEvents.NOTICE, "file-client-cfg-get",
                limitsOf(chat).notice(files.size(), total, downloads));
        return engine.get().view(chat, notice.index());
    }

    private ChatView upload(StoredChat chat, HttpServletRequest request, Map<String, String> fields) {
        StoredChatEvent uploaded = store(chat, request, fields, 1, engine.get().agentPresent(chat),
                (name, event) -> engine.get().postAsCustomer(chat, ChatEvents.FILE_UPLOADED, name, event));
        ChatView view = engine.get().view(chat, Integer.MAX_VALUE);
        return new ChatView(view.chat(), List.of(), view.nextPosition(),
                Map.of("file-id", uploaded.userData().get("file-id")));
    }

    /**
     * An agent's upload into a chat it holds ({@code POST /1/agent/chats/<chatId>/file}): the same limits as the
     * customer's, and {@code FileUploaded} from the agent; answers that event.
     */
    StoredChatEvent agentUpload(String chatId, String agent, HttpServletRequest request, Map<String, String> fields) {
        AgentDesk.Held held = engine.get().agents().held(chatId, agent);
        return store(held.chat(), request, fields, held.participantId(), true,
                (name, event) -> engine.get().agents().notice(chatId, agent, ChatEvents.FILE_UPLOADED, name, event));
    }

    /** An agent's download ({@code GET /1/agent/chats/<chatId>/file/<fileId>/download}) of a chat it may read. */
    void agentDownload(String chatId, String agent, Predicate<String> queues, String fileId,
                       HttpServletResponse response) throws IOException {
        stream(engine.get().agents().readable(chatId, agent, queues), fileId, response);
    }

    /** Stores the request's part {@code file} within the chat's limits, then posts its {@code FileUploaded}. */
    private StoredChatEvent store(StoredChat chat, HttpServletRequest request, Map<String, String> fields,
                                  int participantId, boolean agentPresent,
                                  BiFunction<String, Map<String, String>, StoredChatEvent> post) {
        Part part = filePart(request);
        FileLimits limits = limitsOf(chat);
        List<StoredChatFile> files = engine.get().files().list(chat.chatId());
        long used = files.stream().filter(file -> !file.deleted()).mapToLong(StoredChatFile::size).sum();
        String name = part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName();
        limits.refuseUpload(name, part.getSize(), files.size(), used, agentPresent)
                .ifPresent(advice -> {
                    throw new ChatException(ChatException.FILE, advice);
                });
        Map<String, String> userData = ChatForms.userData(fields);
        String description = userData.getOrDefault("file-description", "");
        String fileId = UUID.randomUUID().toString();
        StoredChatFile stored;
        try (InputStream data = part.getInputStream()) {
            stored = engine.get().files().store(chat.chatId(), fileId, name,
                    part.getContentType() == null ? "application/octet-stream" : part.getContentType(), description,
                    userData, participantId, engine.get().now(), data, limits.maxBytesFor(used),
                    engine.get().keepSeconds());
        } catch (ChatFileTooLargeException e) {
            throw new ChatException(ChatException.FILE, e.getMessage());
        } catch (IOException e) {
            throw ChatException.badRequest("The uploaded file could not be read: " + e.getMessage());
        }
        Map<String, String> event = new LinkedHashMap<>(userData);
        event.put("file-id", fileId);
        event.put("file-name", name);
        event.put("file-size", Long.toString(stored.size()));
        event.put("file-type", stored.contentType());
        return post.apply(name, event);
    }

    private static Part filePart(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw ChatException.badRequest("A file upload is a multipart/form-data body with a part named file");
        }
        try {
            Part part = request.getPart("file");
            if (part == null) {
                throw ChatException.badRequest("The multipart body has no part named file");
            }
            return part;
        } catch (IOException | ServletException | IllegalStateException e) {
            throw new ChatException(ChatException.FILE, "The upload was refused: " + e.getMessage());
        }
    }

    private ChatView delete(StoredChat chat, String fileId) {
        StoredChatFile file = engine.get().files().find(chat.chatId(), fileId).filter(found -> !found.deleted())
                .orElseThrow(() -> new ChatException(ChatException.FILE, "No file " + fileId + " in this chat"));
        if (!limitsOf(chat).mayDelete(file.participantId(), 1)) {
            throw new ChatException(ChatException.FILE, "This file may not be deleted (option delete-file)");
        }
        if (!engine.get().files().markDeleted(chat.chatId(), fileId)) {
            throw new ChatException(ChatException.FILE, "No file " + fileId + " in this chat");
        }
        engine.get().postAsCustomer(chat, ChatEvents.FILE_DELETED, file.name(), Map.of("file-id", fileId));
        return engine.get().view(chat, Integer.MAX_VALUE);
    }

    private void stream(StoredChat chat, String fileId, HttpServletResponse response) throws IOException {
        FileLimits limits = limitsOf(chat);
        for (int attempt = 0; attempt < 10; attempt++) {
            StoredChatFile file = engine.get().files().find(chat.chatId(), fileId).filter(found -> !found.deleted())
                    .orElseThrow(() -> new ChatException(ChatException.FILE, "No file " + fileId + " in this chat"));
            if (file.downloads() >= limits.downloadAttempts()) {
                throw new ChatException(ChatException.FILE, "This file was downloaded " + file.downloads()
                        + " times already, the most allowed (option download-attempts)");
            }
            if (!engine.get().files().countDownload(chat.chatId(), fileId, file.downloads())) {
                continue;
            }
            response.setStatus(200);
            response.setContentType(file.contentType());
            response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                    + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"));
            response.setContentLengthLong(file.size());
            try {
                engine.get().files().copyTo(chat.chatId(), fileId, response.getOutputStream());
            } catch (NotFoundException e) {
                response.setHeader("Content-Disposition", null);
                response.setContentLengthLong(-1);
                throw new ChatException(ChatException.FILE, "No file " + fileId + " in this chat");
            }
            return;
        }
        throw new ChatException(ChatException.UNAVAILABLE, "The file is busy; try again", true);
    }
}
