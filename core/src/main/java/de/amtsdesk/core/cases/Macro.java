package de.amtsdesk.core.cases;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One version of a macro in one language, as a lead published it to the unit through the staff log: a named action
 * a caseworker runs on a case in one go — insert a reply template into the draft (never sent by itself), set a
 * status, add and remove tags. A retired macro stays in the log (for the audit) but is no longer offered.
 *
 * @param templateId the reply template to insert, or null
 * @param status     the status to set ({@code open}, {@code waiting} or {@code closed}), or null
 */
public record Macro(String id, String language, int version, String title, String templateId, CaseStatus status,
        SortedSet<String> addTags, SortedSet<String> removeTags, boolean retired, String publishedBy,
        Instant publishedAt) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    static final int MAX_TAGS = 50;

    /** @throws IllegalArgumentException when a field is invalid or an active macro would do nothing */
    public Macro {
        Objects.requireNonNull(publishedBy, "publishedBy");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (id == null || id.length() > 100 || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case words joined by . or -: " + id);
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("lang must be a two-letter language code: " + language);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more: " + version);
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("title must be 1 to 200 characters");
        }
        if (templateId != null && (templateId.length() > 100 || !ID.matcher(templateId).matches())) {
            throw new IllegalArgumentException("template must be a template id: " + templateId);
        }
        if (status == CaseStatus.UNTRIAGED) {
            throw new IllegalArgumentException("status must be open, waiting or closed");
        }
        addTags = tags("addTags", addTags);
        removeTags = tags("removeTags", removeTags);
        for (String tag : addTags) {
            if (removeTags.contains(tag)) {
                throw new IllegalArgumentException("a tag is both added and removed: " + tag);
            }
        }
        if (!retired && templateId == null && status == null && addTags.isEmpty() && removeTags.isEmpty()) {
            throw new IllegalArgumentException("a macro must insert a template, set a status or change tags");
        }
    }

    private static SortedSet<String> tags(String field, SortedSet<String> tags) {
        TreeSet<String> copy = tags == null ? new TreeSet<>() : new TreeSet<>(tags);
        if (copy.size() > MAX_TAGS) {
            throw new IllegalArgumentException(field + " names more than " + MAX_TAGS + " tags");
        }
        for (String tag : copy) {
            if (tag == null || !StaffEventParser.TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException(field + " holds something that is not a tag: " + tag);
            }
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    public Locale locale() {
        return Locale.of(language);
    }

    /** Whether running it changes tags at all. */
    public boolean changesTags() {
        return !addTags.isEmpty() || !removeTags.isEmpty();
    }
}
