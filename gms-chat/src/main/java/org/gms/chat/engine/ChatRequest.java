package org.gms.chat.engine;

import java.util.Map;

/** What a customer sends to start a chat. */
public record ChatRequest(String nickname, String firstName, String lastName, String subject, String email,
                          Map<String, String> userData, String text) {

    public ChatRequest {
        nickname = trim(nickname);
        firstName = trim(firstName);
        lastName = trim(lastName);
        subject = trim(subject);
        email = trim(email);
        userData = Map.copyOf(userData);
        text = text == null ? "" : text;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    /** {@code nickname}, else {@code firstName lastName}. */
    public String shownName() {
        if (!nickname.isEmpty()) {
            return nickname;
        }
        return (firstName + " " + lastName).trim();
    }
}
