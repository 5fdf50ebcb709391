package de.amtsdesk.core.conversation;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;

/**
 * Display names are chosen by whoever owns the account, so a citizen can call themselves "Sie", "Behörde (Sie)" or
 * hide right-to-left overrides that reorder what the caseworker reads. This makes a name safe to show: invisible and
 * direction-changing characters go, and a name that equals or imitates one of the app's own labels is shown with
 * the (unforgeable) user ID appended, so a citizen can never pass for the agency.
 */
public final class DisplayNames {

    private DisplayNames() {
    }

    /**
     * Removes bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069), marks and zero-width characters
     * (U+200B–U+200F, U+2060–U+2064, U+061C, U+180E, U+FEFF), other control characters and line breaks; collapses
     * white space. Never returns null.
     */
    public static String sanitise(String name) {
        if (name == null) {
            return "";
        }
        // One pass, runs of white space collapsed as they come: the queue sanitises every citizen's name when it
        // projects 10,000 cases at start, where a regular expression per name cost ~30 ms of cold code (stop 33).
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (!invisible(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().strip();
    }

    private static boolean invisible(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF || cp == 0x061C || cp == 0x180E
                || Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT;
    }

    /**
     * What to show for a sender other than ourselves.
     *
     * @param reservedLabels the words the app uses for itself (own messages, agency), in every language it speaks
     * @return the sanitised name; with " (userId)" appended when it is empty, equals or imitates a reserved label
     */
    public static String forSender(String displayName, String userId, Collection<String> reservedLabels) {
        String clean = sanitise(displayName);
        if (clean.isEmpty()) {
            return userId;
        }
        if (clean.equals(userId)) {
            return clean;
        }
        return imitates(clean, reservedLabels) ? clean + " (" + userId + ")" : clean;
    }

    /**
     * Equal after folding case, compatibility forms (full-width letters), common Cyrillic/Greek look-alikes and all
     * punctuation and spaces; or containing a reserved label of four or more letters ("Sie" alone would hit
     * "Siegfried", but "Behörde" inside "Behörde Musterstadt" is an imitation).
     */
    static boolean imitates(String name, Collection<String> reservedLabels) {
        return imitatesFolded(name, reservedLabels.stream().map(DisplayNames::fold).toList());
    }

    /**
     * As {@link #forSender}, with the reserved labels already passed through {@link #folded}: a queue of thousands
     * of cases folds its labels once, not once per row.
     */
    public static String forSenderFolded(String displayName, String userId, Collection<String> foldedLabels) {
        String clean = sanitise(displayName);
        if (clean.isEmpty()) {
            return userId;
        }
        if (clean.equals(userId)) {
            return clean;
        }
        return imitatesFolded(clean, foldedLabels) ? clean + " (" + userId + ")" : clean;
    }

    /** The labels as {@link #forSenderFolded} compares them. */
    public static java.util.List<String> folded(Collection<String> labels) {
        return labels.stream().map(DisplayNames::fold).toList();
    }

    private static boolean imitatesFolded(String name, Collection<String> foldedLabels) {
        String folded = fold(name);
        for (String reserved : foldedLabels) {
            if (reserved.isEmpty()) {
                continue;
            }
            if (folded.equals(reserved) || (reserved.length() >= 4 && folded.contains(reserved))) {
                return true;
            }
        }
        return false;
    }

    static String fold(String text) {
        String normalised = Normalizer.normalize(sanitise(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().map(DisplayNames::latinLookAlike).filter(Character::isLetterOrDigit)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Lower-case Cyrillic and Greek letters that render like Latin ones (a small, deliberate subset). */
    private static int latinLookAlike(int cp) {
        return switch (cp) {
            case 'а', 'α' -> 'a';
            case 'е', 'ε' -> 'e';
            case 'о', 'ο' -> 'o';
            case 'р', 'ρ' -> 'p';
            case 'с' -> 'c';
            case 'х', 'χ' -> 'x';
            case 'у', 'γ' -> 'y';
            case 'і', 'ι' -> 'i';
            case 'ѕ' -> 's';
            case 'ј' -> 'j';
            case 'һ' -> 'h';
            case 'к', 'κ' -> 'k';
            case 'м' -> 'm';
            case 'т', 'τ' -> 't';
            case 'в', 'β' -> 'b';
            case 'н', 'η' -> 'h';
            case 'ν' -> 'v';
            default -> cp;
        };
    }
}
