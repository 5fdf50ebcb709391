package de.amtsdesk.app.conversation;

import java.util.Locale;
import java.util.Set;

/**
 * A file name for a citizen's attachment on this disk. The name is the sender's choice: it may carry a path
 * ({@code ../../autostart/x}), bidi controls that show {@code rechnung‮fdp.exe} as "rechnungexe.pdf", a Windows
 * device name, an NTFS stream ({@code a.pdf:x.exe}) or trailing dots that Windows drops ({@code x.exe.}). What remains
 * is one plain name whose visible extension is the one the system will use to choose the program.
 */
final class SafeFileName {

    static final int MAX_LENGTH = 120;
    static final String FALLBACK = "attachment";
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private SafeFileName() {
    }

    static String of(String sent) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(SafeFileName::allowed).forEach(kept::appendCodePoint);
        name = trimDotsAndSpaces(kept.toString());
        if (name.length() > MAX_LENGTH) {
            name = shorten(name);
        }
        if (name.isEmpty()) {
            return FALLBACK;
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        return WINDOWS_DEVICES.contains(base.strip().toLowerCase(Locale.ROOT)) ? "_" + name : name;
    }

    /** No control or format characters (bidi, zero-width), nothing Windows forbids in a name. */
    private static boolean allowed(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE && "<>:\"/\\|?*".indexOf(c) < 0;
    }

    /** A leading dot hides a file on Linux; Windows drops trailing dots and spaces itself ("x.exe." is x.exe). */
    private static String trimDotsAndSpaces(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start)))) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Keeps the extension (it picks the program) and cuts the base, never inside a surrogate pair. */
    private static String shorten(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        int end = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        return trimDotsAndSpaces(name.substring(0, end)) + extension;
    }

    /** The extension the system goes by, lower case, without the dot; empty when there is none. */
    static String extension(String safeName) {
        int dot = safeName.lastIndexOf('.');
        return dot < 0 ? "" : safeName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
