package de.amtsdesk.core.cases.audit;

/** One field of a case (or of the unit) before and after a change; {@code null} means "not set". */
public record FieldChange(String field, String before, String after) {

    public FieldChange {
        java.util.Objects.requireNonNull(field, "field");
    }
}
