package org.gms.chat.engine;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.gms.chat.api.ChatException;
import org.gms.chat.config.ChatServiceOptions;

/** The checks every chat operation makes of what it is given, and the random ids of chats and keys. */
final class ChatChecks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ChatChecks() {
    }

    static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ChatException.badRequest(name + " is required");
        }
    }

    static void checkText(ChatServiceOptions options, String text, String name) {
        if (text != null && text.length() > options.messageMaxSize()) {
            throw new ChatException(ChatException.LIMIT, name + " is longer than " + options.messageMaxSize()
                    + " characters (option message-max-size)");
        }
    }

    static void checkUserData(ChatServiceOptions options, Map<String, String> userData) {
        userData.forEach((key, value) -> {
            checkText(options, key, "userData key");
            checkText(options, value, "userData[" + key + "]");
        });
        if (userData.size() > 100) {
            throw new ChatException(ChatException.LIMIT, "At most 100 userData keys per request");
        }
    }

    /** Random hex of {@code bytes} bytes: chat ids take 8 (64 bits), secure keys 16 (128 bits). */
    static String newId(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
