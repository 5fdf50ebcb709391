package de.amtsdesk.core.staff;

import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.EventStream;
import de.amtsdesk.core.store.StoredEvent;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The citizen rooms as the functional account's store holds them (every workstation is a device of that account,
 * ADR 0005): where the case fold reads citizen activity and the conversation text it indexes for search. Messages
 * sent by the functional account count as the agency's answers, everything else in those rooms as the citizen's.
 */
public final class CitizenRooms {

    private final EventStream events;
    private final String functionalAccount;

    private CitizenRooms(EventStream events, String functionalAccount) {
        this.events = events;
        this.functionalAccount = Objects.requireNonNull(functionalAccount, "functionalAccount");
    }

    /** @param functionalAccount the user ID of the account whose store {@code db} is */
    public static CitizenRooms of(AppDatabase db, String functionalAccount) {
        return new CitizenRooms(EventStream.of(db), functionalAccount);
    }

    /** Identifies the store the citizen cursor points into. */
    public String functionalAccount() {
        return functionalAccount;
    }

    boolean fromAgency(String sender) {
        return functionalAccount.equals(sender);
    }

    List<StoredEvent> after(long streamOrder, int limit) {
        return events.messagesAfter(streamOrder, limit);
    }

    List<StoredEvent> byIds(Collection<String> eventIds) {
        return events.byIds(eventIds);
    }
}
