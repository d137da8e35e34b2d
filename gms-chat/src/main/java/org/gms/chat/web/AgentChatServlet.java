package org.gms.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.gms.chat.api.ChatException;
import org.gms.chat.engine.AgentDesk;
import org.gms.chat.engine.ChatEngine;
import org.gms.chat.engine.ChatView;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.ForbiddenException;
import org.gms.core.error.NotFoundException;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.core.http.Caller;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.gms.storage.chat.OpenChat;
import org.gms.storage.chat.StoredChat;

/**
 * The agent side of chat, {@code /genesys/1/agent/chats[/<chatId>/<operation>]}: the list, {@code accept} (one agent
 * wins, the others get 409), {@code send}, {@code typing}, {@code transfer}, {@code leave}, {@code transcript},
 * {@code file} (a multipart upload, part {@code file}) and {@code file/<fileId>/download}. The agent is the
 * authenticated user of {@code etc/users.ini}; it serves the queues listed for it (all when none).
 */
final class AgentChatServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<ChatEngine> engine;
    private final transient ChatFileOperations files;

    AgentChatServlet(Responses responses, Supplier<ChatEngine> engine, ChatFileOperations files) {
        super(responses);
        this.engine = engine;
        this.files = files;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            serve(request, response);
        } catch (ChatException e) {
            // the engine's refusals, in the v1 form of this API
            if (e.statusCode() == 1) {
                throw new ServiceUnavailableException(e.advice());
            }
            throw new BadRequestException(e.advice());
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller agent = Caller.of(request).orElseThrow(() -> new ForbiddenException(
                "The agent API needs a user of etc/users.ini"));
        AgentDesk desk = engine.get().agents();
        String[] path = pathAfterServlet(request).split("/", -1);
        String method = request.getMethod();
        if (method.equals("GET") && path.length == 1 && path[0].isEmpty()) {
            responses.json(request, response, Map.of("chats", list(desk, desk.chats(agent.name(), agent::serves))));
            return;
        }
        if (method.equals("GET") && path.length == 4 && path[1].equals("file") && path[3].equals("download")
                && !path[0].isEmpty()) {
            files.agentDownload(path[0], agent.name(), agent::serves, path[2], response);
            return;
        }
        if (path.length != 2 || path[0].isEmpty()) {
            throw notFound(request);
        }
        String chatId = path[0];
        Map<String, String> fields = ChatForms.fields(request);
        if (method.equals("GET") && path[1].equals("transcript")) {
            ChatView view = desk.transcript(chatId, agent.name(), agent::serves, from(fields.get("from")), false);
            responses.json(request, response, transcript(view));
            return;
        }
        if (!method.equals("POST")) {
            throw notFound(request);
        }
        Object answer = switch (path[1]) {
            case "accept" -> render(desk.accept(chatId, agent.name(), agent::serves));
            case "send" -> ChatAnswers.event(desk.send(chatId, agent.name(), fields.get("message"),
                    fields.getOrDefault("messageType", "")));
            case "typing" -> ChatAnswers.event(desk.typing(chatId, agent.name(),
                    Boolean.parseBoolean(fields.getOrDefault("typing", "true"))));
            case "transfer" -> render(desk.transfer(chatId, agent.name(), fields.get("queue"), fields.get("agent")));
            case "leave" -> render(desk.leave(chatId, agent.name()));
            case "file" -> ChatAnswers.event(files.agentUpload(chatId, agent.name(), request, fields));
            default -> throw notFound(request);
        };
        responses.json(request, response, answer);
    }

    static int from(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new BadRequestException("from must be an integer");
        }
    }

    static Map<String, Object> transcript(ChatView view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chatId", view.chat().chatId());
        body.put("state", view.chat().state());
        body.put("messages", ChatAnswers.events(view.events()));
        body.put("nextPosition", view.nextPosition());
        return body;
    }

    /** The chats of open-chat rows whose chat row agrees with them (read at once), in the rows' order. */
    static List<Map<String, Object>> list(AgentDesk desk, List<OpenChat> chats) {
        List<CompletableFuture<Optional<StoredChat>>> reads = new ArrayList<>();
        for (OpenChat chat : chats) {
            reads.add(desk.find(chat.chatId()));
        }
        List<Map<String, Object>> listed = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            Optional<StoredChat> chat = reads.get(i).join();
            // the open-chat row is a hint: the chat row decides
            if (chat.isPresent() && chat.get().state().equals(chats.get(i).state())) {
                listed.add(render(chat.get()));
            }
        }
        return listed;
    }

    static Map<String, Object> render(StoredChat chat) {
        return ChatAnswers.agentChat(chat);
    }

    private static NotFoundException notFound(HttpServletRequest request) {
        return new NotFoundException("No agent API at " + request.getMethod() + " " + request.getRequestURI());
    }
}
