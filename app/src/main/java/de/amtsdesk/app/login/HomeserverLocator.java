package de.amtsdesk.app.login;

import de.amtsdesk.core.matrix.HomeserverDiscovery;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixException;

/**
 * Turns the homeserver and user fields into the homeserver to log in to; a seam so the login view model is tested
 * without a network. Runs off the UI thread (it may ask the server's {@code .well-known}).
 */
@FunctionalInterface
public interface HomeserverLocator {

    HomeserverUrl locate(String homeserverField, String userField) throws MatrixException;

    /** The production way: spec server discovery, falling back to what was typed. */
    static HomeserverLocator discovery() {
        HomeserverDiscovery discovery = new HomeserverDiscovery();
        return (homeserver, user) -> discovery.locate(homeserver, user).homeserver();
    }
}
