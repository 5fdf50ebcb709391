package de.amtsdesk.core.notice;

import de.amtsdesk.core.cases.templates.Placeholders;
import java.util.ArrayList;
import java.util.List;

/** The placeholders a notice template may use: the reply templates' ones plus the notice's date and unit. */
public final class NoticePlaceholders {

    public static final String NOTICE_DATE = "notice.date";
    public static final String UNIT_NAME = "unit.name";

    public static final List<String> KNOWN;

    static {
        List<String> known = new ArrayList<>(Placeholders.KNOWN);
        known.add(NOTICE_DATE);
        known.add(UNIT_NAME);
        KNOWN = List.copyOf(known);
    }

    private NoticePlaceholders() {
    }
}
