package de.amtsdesk.app.lead;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitLetterhead;
import de.amtsdesk.core.i18n.Translations;
import java.util.Arrays;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The unit's letterhead as the lead edits it: the authority and unit's name, and the postal address one line per
 * line. Saved as a policy event into the staff room, so every workstation prints the same one on its notices.
 */
public final class LetterheadViewModel {

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final Translations text;
    private final BiConsumer<OutgoingStaffEvents.Outgoing, String> send;

    public LetterheadViewModel(CaseDesk desk, Translations text, BiConsumer<OutgoingStaffEvents.Outgoing, String> send) {
        this.text = text;
        this.send = send;
        UnitLetterhead current = desk.book().policy().letterhead();
        name.set(current.name());
        address.set(String.join("\n", current.lines()));
    }

    /** Checks and sends; false (with {@link #problemProperty()} saying why) when the letterhead cannot be printed. */
    public boolean save() {
        UnitLetterhead letterhead;
        try {
            letterhead = new UnitLetterhead(name.get() == null ? "" : name.get(),
                    Arrays.asList((address.get() == null ? "" : address.get()).split("\\R", -1)));
        } catch (IllegalArgumentException e) {
            problem.set(text.get("lead.letterhead.invalid"));
            return false;
        }
        if (letterhead.isEmpty()) {
            problem.set(text.get("lead.letterhead.nameMissing"));
            return false;
        }
        problem.set("");
        send.accept(OutgoingStaffEvents.letterhead(letterhead), text.get("lead.letterhead.done"));
        return true;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
