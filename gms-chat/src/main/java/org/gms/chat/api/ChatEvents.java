package org.gms.chat.api;

import java.util.Set;

/** Event types of a transcript and participant types, as Chat API v2 names them. */
public final class ChatEvents {

    public static final String PARTICIPANT_JOINED = "ParticipantJoined";
    public static final String PARTICIPANT_LEFT = "ParticipantLeft";
    public static final String MESSAGE = "Message";
    public static final String TYPING_STARTED = "TypingStarted";
    public static final String TYPING_STOPPED = "TypingStopped";
    public static final String NICKNAME_UPDATED = "NicknameUpdated";
    public static final String PUSH_URL = "PushUrl";
    public static final String FILE_UPLOADED = "FileUploaded";
    public static final String FILE_DELETED = "FileDeleted";
    public static final String CUSTOM_NOTICE = "CustomNotice";
    public static final String NOTICE = "Notice";
    public static final String IDLE_ALERT = "IdleAlert";
    public static final String IDLE_CLOSE = "IdleClose";

    public static final String CLIENT = "Client";
    public static final String AGENT = "Agent";
    public static final String SUPERVISOR = "Supervisor";
    public static final String EXTERNAL = "External";

    /** Chat states. */
    public static final String BOT = "BOT";
    public static final String WAITING = "WAITING";
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    /** Events the customer's mobile device is told of by push while its app is away. */
    public static final Set<String> PUSHED = Set.of(PARTICIPANT_JOINED, PARTICIPANT_LEFT, MESSAGE, PUSH_URL,
            FILE_UPLOADED, CUSTOM_NOTICE, IDLE_ALERT, IDLE_CLOSE);

    private ChatEvents() {
    }
}
