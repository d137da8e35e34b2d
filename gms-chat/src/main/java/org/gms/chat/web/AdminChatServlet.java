package org.gms.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import org.gms.chat.engine.ChatEngine;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/**
 * Chat administration (Supervisor and above): {@code GET /genesys/1/admin/chat/<chatId>/transcript[?from=N]} reads
 * a transcript back, {@code GET /genesys/1/admin/chat/stats} counts the chats per state.
 */
final class AdminChatServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

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
        if (path.length == 2 && path[1].equals("transcript") && !path[0].isEmpty()) {
            responses.json(request, response, AgentChatServlet.transcript(engine.get().agents()
                    .transcript(path[0], "", queue -> false, AgentChatServlet.from(request.getParameter("from")),
                            true)));
            return;
        }
        throw new NotFoundException("No chat admin API at " + request.getRequestURI());
    }
}
