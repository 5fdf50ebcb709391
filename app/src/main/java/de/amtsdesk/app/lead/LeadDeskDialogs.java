package de.amtsdesk.app.lead;

import java.util.List;
import java.util.Optional;

/** The dialogs the lead desk opens, behind an interface so the desk's view can be built without showing any. */
public interface LeadDeskDialogs {

    /** The assignee chosen for the selected cases, or empty when the lead cancelled. */
    Optional<String> pickAssignee(List<WorkloadRow> caseworkers);

    /** Edits one caseworker's settings (sends the {@code member} event itself on save). */
    void editMember(String userId);

    /** Asks for the deputy and confirms the handover (sends the {@code handover} event itself). */
    void handOver(String userId);

    /** Asks for the Matrix ID of the person to invite; empty when the lead cancelled. */
    Optional<String> askNewMember();

    /** Edits the unit's reply templates and macros (sends the events itself). */
    void editUnitTexts();

    /** Edits the unit's letterhead for notices (sends the policy event itself on OK). */
    void editLetterhead();

    /** Asks before removing a member from the unit; true: remove. */
    boolean confirmRemoval(String name, int openCases);
}
