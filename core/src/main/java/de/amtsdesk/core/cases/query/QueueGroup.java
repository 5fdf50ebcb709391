package de.amtsdesk.core.cases.query;

import de.amtsdesk.core.cases.Case;
import java.util.List;

/** The cases of one type in the queue; {@code caseType} is null for cases not yet typed (triage). */
public record QueueGroup(String caseType, int count, List<Case> cases) {

    public QueueGroup {
        cases = List.copyOf(cases);
    }
}
