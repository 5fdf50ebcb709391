package de.amtsdesk.app.rooms;

import javafx.scene.Parent;

/**
 * A conversation the room list has opened: its view, and what to do when it is replaced or closed (the view model
 * stops listening to the engine and sends no more read receipts).
 */
public record OpenConversation(Parent view, Runnable dispose) {
}
