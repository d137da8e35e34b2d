package org.gms.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.gms.chat.engine.ChatView;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/**
 * {@code POST /genesys/2/chat-ntf}: the file operations of chats served over CometD, with the secure key alone
 * (multipart or form bodies). Answers are the v2 body, a download the file itself.
 */
final class ChatNtfServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private final transient ChatFileOperations files;
    private final transient ChatAnswers answers;

    ChatNtfServlet(Responses responses, ChatFileOperations files, ChatAnswers answers) {
        super(responses);
        this.files = files;
        this.answers = answers;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object body;
        try {
            Map<String, String> fields = ChatForms.fields(request);
            Object answer = files.notification(request, response, fields);
            if (answer == null) {
                return;
            }
            body = answers.ok((ChatView) answer);
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            body = answers.error(e, null);
        }
        responses.json(request, response, body);
    }
}
