package org.gms.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.gms.chat.api.ChatException;
import org.gms.chat.engine.ChatView;

/** The file operations of a chat ({@code <chatId>/file...}). */
class ChatFileOperations {

    /** Streams a download and returns true, or returns false when the request is not a download. */
    boolean download(HttpServletRequest request, HttpServletResponse response, String[] path,
                     Map<String, String> fields) throws IOException {
        return false;
    }

    ChatView handle(HttpServletRequest request, String[] path, Map<String, String> fields) {
        throw new ChatException(ChatException.FILE, "File transfer is not enabled on this server");
    }
}
