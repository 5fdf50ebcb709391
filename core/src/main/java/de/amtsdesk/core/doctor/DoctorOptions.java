package de.amtsdesk.core.doctor;

import java.util.Optional;

/** What the doctor checks against; the password comes from an environment variable or a file, never argv. */
public record DoctorOptions(String homeserver, Optional<String> user, Optional<String> password) {
}
