package de.amtsdesk.app;

import de.amtsdesk.core.cases.StaffRoom;
import de.amtsdesk.core.conversation.DisplayNames;
import de.amtsdesk.core.i18n.Translations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One rule for a citizen's name wherever it is shown (conversation, queue, case panel, notifications): the name the
 * citizen chose, cleaned of bidi and zero-width characters by {@link DisplayNames}, and with the user ID added when it
 * equals or imitates the app's own words for the agency ("Sie", "Behörde (Sie)", "You", …) or a caseworker's name.
 */
public final class CitizenNames {

    private final List<String> reserved;
    /** Folded once: the queue shows thousands of names against the same labels. */
    private final List<String> foldedReserved;

    private CitizenNames(List<String> reserved) {
        this.reserved = List.copyOf(reserved);
        this.foldedReserved = DisplayNames.folded(this.reserved);
    }

    /**
     * The app's words for itself and for the caseworker ("Ich"/"Me" in the queue's assignee column), in both languages
     * ({@code conversation.reservedNames}), and this language's own-message badge.
     */
    public static CitizenNames of(Translations text) {
        return new CitizenNames(reservedLabels(text));
    }

    /** The app's words plus the unit's caseworkers: a citizen called "Anna Arbeit" must not pass for Anna. */
    public static CitizenNames of(Translations text, StaffRoom staff) {
        List<String> reserved = new ArrayList<>(reservedLabels(text));
        staff.members().forEach((id, name) -> {
            reserved.add(id);
            if (name != null && !name.isBlank()) {
                reserved.add(name);
            }
        });
        return new CitizenNames(reserved);
    }

    static List<String> reservedLabels(Translations text) {
        List<String> names = new ArrayList<>(Arrays.asList(text.get("conversation.reservedNames").split(",")));
        names.add(text.get("conversation.own"));
        return names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    /** Equal when the same names are reserved: then every citizen's name shows the same. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CitizenNames names && reserved.equals(names.reserved);
    }

    @Override
    public int hashCode() {
        return reserved.hashCode();
    }

    public Collection<String> reserved() {
        return reserved;
    }

    /**
     * @param name   the citizen's display name (may be null, hostile, or their user ID)
     * @param userId the citizen's user ID (may be null for a case without a known citizen)
     * @return what to show; never null
     */
    public String show(String name, String userId) {
        String id = userId == null ? "" : userId;
        if (name == null || name.isBlank()) {
            return id;
        }
        return DisplayNames.forSenderFolded(name, id, foldedReserved);
    }
}
