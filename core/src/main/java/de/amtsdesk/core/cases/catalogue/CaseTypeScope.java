package de.amtsdesk.core.cases.catalogue;

/**
 * Case type keys are dotted paths (life situation → service → ...): a scope covers its own key and every key below it
 * ({@code housing} covers {@code housing.wohngeld.apply}, not {@code housingaid}). One rule for competences, reply
 * templates and notice templates.
 */
public final class CaseTypeScope {

    private CaseTypeScope() {
    }

    /** Whether {@code scope} is {@code type} or above it; false for a null type. */
    public static boolean covers(String scope, String type) {
        // without building "scope." for every case and scope (the lead desk asks this 700,000 times per sync batch)
        return type != null && type.startsWith(scope)
                && (type.length() == scope.length() || type.charAt(scope.length()) == '.');
    }
}
