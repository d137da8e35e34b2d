package org.gms.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.gms.chat.api.ChatException;
import org.gms.chat.engine.ChatEngine;
import org.gms.chat.engine.Operation;
import org.gms.chat.engine.ChatRequest;
import org.gms.chat.engine.ChatView;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/**
 * Chat API v2 over REST, {@code /genesys/2/chat/<service>[/<chatId>/<operation>]}: every answer is HTTP 200 with the
 * v2 body, a refusal included ({@code statusCode} 2, or 1 when the client may retry).
 */
final class ChatV2Servlet extends GmsServlet {

    private static final long serialVersionUID = 1L;
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final transient Supplier<ChatEngine> engine;
    private final transient ChatAnswers answers;
    private final transient ChatFileOperations files;

    ChatV2Servlet(Responses responses, Supplier<ChatEngine> engine, ChatAnswers answers, ChatFileOperations files) {
        super(responses);
        this.engine = engine;
        this.answers = answers;
        this.files = files;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = pathAfterServlet(request).split("/", -1);
        String chatId = path.length > 1 ? path[1] : null;
        Object body;
        try {
            Map<String, String> fields = ChatForms.fields(request);
            if (path.length < 1 || !NAME.matcher(path[0]).matches()) {
                throw ChatException.badRequest("The chat service name is missing or malformed");
            }
            if (path.length == 1) {
                body = answers.ok(engine.get().request(path[0], new ChatRequest(fields.get("nickname"),
                        fields.get("firstName"), fields.get("lastName"), fields.get("subject"),
                        fields.get("emailAddress"), ChatForms.userData(fields), fields.get("text"))));
            } else if (path.length >= 3 && path[2].equals("file")) {
                if (files.download(request, response, path, fields)) {
                    return;
                }
                body = answers.ok(files.handle(request, path, fields));
            } else if (path.length == 3) {
                body = answers.ok(operation(chatId, path[2], fields));
            } else {
                throw ChatException.badRequest("Unknown chat operation " + String.join("/", path));
            }
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            body = answers.error(e, chatId);
        }
        responses.json(request, response, body);
    }

    private ChatView operation(String chatId, String name, Map<String, String> fields) {
        Integer position = ChatForms.position(fields.get("transcriptPosition"));
        String key = fields.get("secureKey");
        String message = fields.getOrDefault("message", "");
        Operation operation = switch (name) {
            case "send" -> new Operation.Send(message, fields.getOrDefault("messageType", ""));
            case "refresh" -> new Operation.Refresh();
            case "startTyping" -> new Operation.Typing(true, message);
            case "stopTyping" -> new Operation.Typing(false, message);
            case "disconnect" -> new Operation.Disconnect();
            case "pushUrl" -> new Operation.PushUrl(fields.get("pushUrl"));
            case "updateNickname" -> new Operation.UpdateNickname(fields.get("nickname"));
            case "customNotice" -> new Operation.CustomNotice(message);
            case "updateData" -> new Operation.UpdateData(ChatForms.userData(fields));
            case "readReceipt" -> new Operation.ReadReceipt(position == null ? 0 : position);
            default -> throw ChatException.badRequest("Unknown chat operation " + name);
        };
        return engine.get().perform(chatId, key, operation, position);
    }
}
