package org.gms.chat.api;

/**
 * The other nodes of the cluster, as the chat engine needs them: a CometD session lives on one node, and an event
 * stored on another node wakes that node at once (each node also polls the transcripts of its sessions).
 */
public interface ChatNodes {

    /** A single node: nobody else to wake. */
    ChatNodes ALONE = new ChatNodes() {
        @Override
        public void broadcast(String chatId) {
        }
    };

    /**
     * Tells every other live node that chat {@code chatId} has new events, so the CometD sessions they hold for it
     * (the customer's, its agents') get them at once; never throws, never blocks.
     */
    void broadcast(String chatId);
}
