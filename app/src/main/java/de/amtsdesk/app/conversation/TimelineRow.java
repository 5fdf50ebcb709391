package de.amtsdesk.app.conversation;

import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.TimelineEntry;

/** One preformatted line of the conversation view. */
public record TimelineRow(
        String id,
        String sender,
        boolean own,
        String time,
        String text,
        TimelineEntry.Kind kind,
        Attachment attachment,
        String state,
        boolean canRetry,
        boolean problem) {

    public boolean hasAttachment() {
        return attachment != null;
    }
}
