package org.gms.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gms.chat.api.ChatEvents;
import org.gms.chat.engine.AgentDesk;
import org.gms.chat.engine.ChatEngine;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.gms.storage.chat.OpenChat;

/**
 * Chat administration (Supervisor and above): {@code GET /genesys/1/admin/chat/<chatId>/transcript[?from=N]} reads
 * a transcript back, {@code GET /genesys/1/admin/chat/stats} counts the chats per state and per queue, and
 * {@code GET /genesys/1/admin/chat/chats[?state=BOT|WAITING|ACTIVE]} lists the open chats, oldest first.
 */
final class AdminChatServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;
    private static final List<String> STATES = List.of(ChatEvents.BOT, ChatEvents.WAITING, ChatEvents.ACTIVE);

    private final transient Supplier<ChatEngine> engine;

    AdminChatServlet(Responses responses, Supplier<ChatEngine> engine) {
        super(responses);
        this.engine = engine;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = pathAfterServlet(request).split("/", -1);
        if (path.length == 1 && path[0].equals("stats")) {
            responses.json(request, response, engine.get().stats());
            return;
        }
        if (path.length == 1 && path[0].equals("chats")) {
            responses.json(request, response, Map.of("chats", open(request.getParameter("state"))));
            return;
        }
        if (path.length == 2 && path[1].equals("transcript") && !path[0].isEmpty()) {
            responses.json(request, response, AgentChatServlet.transcript(engine.get().agents()
                    .transcript(path[0], "", queue -> false, AgentChatServlet.from(request.getParameter("from")),
                            true)));
            return;
        }
        throw new NotFoundException("No chat admin API at " + request.getRequestURI());
    }

    private List<Map<String, Object>> open(String state) {
        if (state != null && !STATES.contains(state)) {
            throw new BadRequestException("state must be one of " + String.join(", ", STATES));
        }
        AgentDesk desk = engine.get().agents();
        List<OpenChat> chats = desk.open().stream().filter(chat -> state == null || chat.state().equals(state))
                .sorted(Comparator.comparing(OpenChat::createdAt).thenComparing(OpenChat::chatId)).toList();
        return AgentChatServlet.list(desk, chats);
    }
}
