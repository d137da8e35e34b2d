package org.gms.chat.engine;

import java.util.Map;

/** The customer's operations of Chat API v2. */
public sealed interface Operation {
    record Send(String message, String messageType) implements Operation { }
    record Typing(boolean started, String preview) implements Operation { }
    record Disconnect() implements Operation { }
    record PushUrl(String url) implements Operation { }
    record UpdateNickname(String nickname) implements Operation { }
    record CustomNotice(String message) implements Operation { }
    record UpdateData(Map<String, String> userData) implements Operation { }
    record ReadReceipt(int position) implements Operation { }
    record Refresh() implements Operation { }
}
