package de.amtsdesk.core.conversation;

/** Told when a room's timeline changed (new event, late decryption, send state). Called off the UI thread. */
@FunctionalInterface
public interface ConversationListener {

    void timelineChanged(String roomId);
}
