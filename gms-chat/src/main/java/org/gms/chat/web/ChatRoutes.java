package org.gms.chat.web;

import jakarta.servlet.MultipartConfigElement;
import java.util.function.Supplier;
import org.gms.chat.engine.ChatEngine;
import org.gms.core.feature.Routes;
import org.gms.core.http.Responses;

/** Where the chat servlets are mounted under {@code /genesys}. */
public final class ChatRoutes {

    /** Multipart bodies: text fields and one uploaded file (the file limit itself is a chat option). */
    static final MultipartConfigElement MULTIPART = new MultipartConfigElement("", 1_073_741_824L, 1_073_741_824L,
            1_048_576);

    private ChatRoutes() {
    }

    public static void mount(Routes routes, Responses responses, Supplier<ChatEngine> engine, ChatAnswers answers) {
        ChatFileOperations files = new ChatFileOperations(engine);
        routes.servlet("/2/chat/*", new ChatV2Servlet(responses, engine, answers, files), MULTIPART);
        routes.servlet("/2/chat-ntf", new ChatNtfServlet(responses, files, answers), MULTIPART);
        routes.servlet("/1/agent/chats/*", new AgentChatServlet(responses, engine, files), MULTIPART);
        routes.servlet("/1/admin/chat/*", new AdminChatServlet(responses, engine));
    }
}
