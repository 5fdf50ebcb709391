package de.amtsdesk.app.presence;

import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.staff.presence.StaffPresence;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The collision hint of the open case: "Anna Arbeit schreibt gerade eine Antwort" or "Auch geöffnet von …", and the
 * question before a reply goes out while someone else writes one. Announces this caseworker's own activity: the case
 * opened, typing in the reply field, the reply sent, the case left.
 */
public final class PresenceHintViewModel {

    private final CasePresence presence;
    private final Function<String, String> names;
    private final Translations text;
    private final Executor ui;
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final Consumer<String> listener;
    private String caseId;

    /** @param names a staff member's display name by user ID */
    public PresenceHintViewModel(CasePresence presence, Function<String, String> names, Translations text,
            Executor ui) {
        this.presence = presence;
        this.names = names;
        this.text = text;
        this.ui = ui;
        this.listener = changed -> ui.execute(() -> {
            if (changed.equals(caseId)) {
                refresh();
            }
        });
        presence.addListener(listener);
    }

    /** The caseworker opened a case (null: none): the unit learns it, the hint follows it. */
    public void show(String nextCaseId) {
        if (caseId != null && !caseId.equals(nextCaseId)) {
            presence.announce(caseId, StaffPresence.Activity.NONE);
        }
        caseId = nextCaseId;
        if (caseId != null) {
            presence.announce(caseId, StaffPresence.Activity.VIEWING);
        }
        refresh();
    }

    /** The caseworker typed in the reply field. */
    public void typing() {
        if (caseId != null) {
            presence.announce(caseId, StaffPresence.Activity.WRITING);
        }
    }

    /** The reply went out: writing is over, the case stays open. */
    public void replySent() {
        if (caseId != null) {
            presence.announce(caseId, StaffPresence.Activity.VIEWING);
        }
    }

    /** Recomputes the hint (signals expire with the clock, so the window calls this every second). */
    public void refresh() {
        if (caseId == null) {
            hint.set("");
            return;
        }
        List<StaffPresence> others = presence.othersOn(caseId);
        List<String> writers = names(others, StaffPresence.Activity.WRITING);
        List<String> viewers = names(others, StaffPresence.Activity.VIEWING);
        String next;
        if (!writers.isEmpty()) {
            next = text.get(writers.size() == 1 ? "presence.writing" : "presence.writing.many", join(writers));
        } else if (!viewers.isEmpty()) {
            next = text.get("presence.viewing", join(viewers));
        } else {
            next = "";
        }
        hint.set(next);
    }

    /** Before sending a reply: the question to ask when someone else is writing one to the same citizen now. */
    public Optional<String> collision() {
        if (caseId == null) {
            return Optional.empty();
        }
        List<String> writers = names(presence.othersOn(caseId), StaffPresence.Activity.WRITING);
        return writers.isEmpty() ? Optional.empty() : Optional.of(text.get("presence.confirm.text", join(writers)));
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Leaves the case (lock, sign-out, another screen) and stops listening. */
    public void dispose() {
        show(null);
        presence.removeListener(listener);
    }

    private List<String> names(List<StaffPresence> others, StaffPresence.Activity activity) {
        return others.stream().filter(s -> s.activity() == activity).map(s -> names.apply(s.userId())).distinct()
                .toList();
    }

    private String join(List<String> people) {
        if (people.size() == 1) {
            return people.getFirst();
        }
        return String.join(", ", people.subList(0, people.size() - 1)) + " " + text.get("presence.and") + " "
                + people.getLast();
    }
}
