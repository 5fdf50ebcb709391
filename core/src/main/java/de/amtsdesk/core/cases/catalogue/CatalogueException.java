package de.amtsdesk.core.cases.catalogue;

import java.util.List;

/** A catalogue file that cannot be used; lists every problem found, not just the first, for the person fixing it. */
public final class CatalogueException extends Exception {

    private final transient List<CatalogueProblem> problems;

    public CatalogueException(String source, List<CatalogueProblem> problems) {
        super(source + ": " + problems.size() + " problem(s) in the service catalogue:\n  "
                + String.join("\n  ", problems.stream().map(CatalogueProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogueProblem> problems() {
        return problems;
    }
}
