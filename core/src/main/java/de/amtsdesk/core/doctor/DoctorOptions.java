package de.amtsdesk.core.doctor;

import java.util.Optional;

/**
 * What the doctor checks against. The homeserver may be a URL, a server name (found through .well-known) or blank
 * when the user is a full user ID. The password comes from a file or stdin, never argv or the environment.
 */
public record DoctorOptions(String homeserver, Optional<String> user, Optional<String> password) {
}
