package org.gms.push.api;

/** A definitive answer of a push service for one message. */
public sealed interface PushResult {

    /** Accepted by the push service (or the receiver). */
    record Sent() implements PushResult {
    }

    /** The device or URL is gone for good: the subscription is removed. */
    record Rejected(String reason) implements PushResult {
    }

    /** This message was refused for good (bad payload, auth refused); the subscription stays. */
    record Failed(String reason) implements PushResult {
    }

    static PushResult sent() {
        return new Sent();
    }

    static PushResult rejected(String reason) {
        return new Rejected(reason);
    }

    static PushResult failed(String reason) {
        return new Failed(reason);
    }
}
