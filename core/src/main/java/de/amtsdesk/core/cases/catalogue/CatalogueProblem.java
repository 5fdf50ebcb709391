package de.amtsdesk.core.cases.catalogue;

/** One mistake in a catalogue file: the line (1-based, 0 if unknown), the key if known, and what is wrong. */
public record CatalogueProblem(int line, String key, String message) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line : "file") + (key != null ? " (" + key + ")" : "") + ": " + message;
    }
}
