package de.amtsdesk.app.conversation;

import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.TimelineEntry;

/**
 * One preformatted line of the conversation view.
 *
 * @param text          what the line shows: the message, cut after {@link ConversationViewModel#SHOWN_TEXT_CHARS}
 *                      characters (laying out a 1 MB label blocks the FX thread for seconds)
 * @param fullText      the whole message as sent, for "show all" and "save as file": nothing is lost by the cut
 * @param truncated     whether {@code text} shows only the start of {@code fullText}
 * @param trustMarker   the small marker beside the time, empty when the message needs none
 * @param trustTooltip  the marker's tooltip (what the trust means), empty without a marker
 * @param trustSeverity how loudly the marker is shown (ADR 0007)
 * @param accessibleText what a screen reader says for the whole line, the trust's words included
 */
public record TimelineRow(
        String id,
        String sender,
        boolean own,
        String time,
        String text,
        String fullText,
        boolean truncated,
        TimelineEntry.Kind kind,
        Attachment attachment,
        String state,
        boolean canRetry,
        boolean problem,
        String trustMarker,
        String trustTooltip,
        MessageTrust.Severity trustSeverity,
        String accessibleText) {

    public boolean hasAttachment() {
        return attachment != null;
    }

    /** A citizen's attachment can be saved (decrypted to a file); our own were files we had already. */
    public boolean canSave() {
        return attachment != null && !own;
    }

    public boolean hasTrustMarker() {
        return !trustMarker.isEmpty();
    }
}
