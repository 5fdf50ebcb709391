package de.amtsdesk.app.login;

import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;

/** Logs a caseworker in; a seam so the login view model is tested without a homeserver or a toolkit. */
@FunctionalInterface
public interface Authenticator {

    Session login(HomeserverUrl homeserver, String user, String password) throws MatrixException;
}
