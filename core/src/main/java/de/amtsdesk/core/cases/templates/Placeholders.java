package de.amtsdesk.core.cases.templates;

import java.util.List;

/** The placeholders a reply template may use. A template naming any other is rejected when published. */
public final class Placeholders {

    public static final String CITIZEN_NAME = "citizen.name";
    public static final String CASE_REFERENCE = "case.reference";
    public static final String CASE_TYPE = "case.type";
    public static final String CASEWORKER_NAME = "caseworker.name";
    public static final String CASE_DUE = "case.due";
    public static final String UNIT_CONTACT = "unit.contact";

    public static final List<String> KNOWN =
            List.of(CITIZEN_NAME, CASE_REFERENCE, CASE_TYPE, CASEWORKER_NAME, CASE_DUE, UNIT_CONTACT);

    private Placeholders() {
    }
}
