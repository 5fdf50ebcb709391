package de.amtsdesk.app;

import java.util.Optional;

/**
 * The caseworker's personal sign-in typed in ahead, for the demo and UI tests only (like {@link Prefill}; the
 * production launcher never fills it).
 */
public record StaffPrefill(Optional<String> user, Optional<String> password, Optional<String> staffRoom) {

    public static final StaffPrefill NONE = new StaffPrefill(Optional.empty(), Optional.empty(), Optional.empty());

    @Override
    public String toString() {
        return "StaffPrefill[" + user.orElse("-") + ", password " + (password.isPresent() ? "set" : "none") + "]";
    }
}
