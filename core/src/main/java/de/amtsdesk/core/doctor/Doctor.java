package de.amtsdesk.core.doctor;

import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.HomeserverDiscovery;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.matrix.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The IT admin's first question, answered without a window: can this PC reach the homeserver, does it speak a
 * Matrix version we support, does login work, does the native crypto load? One line per check.
 */
public final class Doctor {

    /** Spec versions Amtsdesk is written against; the server must offer at least one. */
    static final List<String> SUPPORTED_SPEC_VERSIONS = List.of("v1.11", "v1.12", "v1.13", "v1.14", "v1.15", "v1.16");

    private final Translations text;
    private final CryptoProbe cryptoProbe;

    public Doctor(Locale locale, CryptoProbe cryptoProbe) {
        this.text = Translations.load("de.amtsdesk.core.doctor.messages", locale);
        this.cryptoProbe = cryptoProbe;
    }

    public List<CheckResult> run(DoctorOptions options) {
        List<CheckResult> results = new ArrayList<>();
        MatrixClient client = checkHomeserver(options.homeserver(), options.user().orElse(null), results);
        if (client != null) {
            checkLogin(client, options, results);
        }
        results.add(checkCrypto());
        return results;
    }

    /** The same discovery as the login screen: a server name or user ID goes through .well-known first. */
    private MatrixClient checkHomeserver(String homeserverText, String user, List<CheckResult> results) {
        HomeserverUrl url;
        try {
            HomeserverDiscovery.Result located = new HomeserverDiscovery().locate(homeserverText, user);
            url = located.homeserver();
            switch (located.source()) {
                case WELL_KNOWN -> results.add(new CheckResult("discovery", CheckResult.Status.OK,
                        text.get("doctor.discovery.found", located.serverName(), url)));
                case FALLBACK -> results.add(new CheckResult("discovery", CheckResult.Status.SKIP,
                        text.get("doctor.discovery.none", located.serverName(), url)));
                case TYPED_URL -> { }
            }
        } catch (MatrixException e) {
            String shown = homeserverText == null || homeserverText.isBlank() ? String.valueOf(user) : homeserverText;
            results.add(switch (e.failure()) {
                case INSECURE_URL -> fail("homeserver", text.get("doctor.homeserver.insecure", shown));
                case DISCOVERY_FAILED -> fail("discovery", text.get("doctor.discovery.failed", e.subject()));
                case INVALID_URL -> fail("homeserver", text.get("doctor.homeserver.invalid", shown));
                default -> fail("homeserver", text.get("doctor.homeserver.unreachable", shown));
            });
            return null;
        }
        MatrixClient client = new MatrixClient(url);
        List<String> versions;
        try {
            versions = client.versions();
        } catch (MatrixException e) {
            String key = e.failure() == MatrixFailure.NOT_A_HOMESERVER
                    ? "doctor.homeserver.notMatrix" : "doctor.homeserver.unreachable";
            results.add(fail("homeserver", text.get(key, url)));
            return null;
        }
        results.add(new CheckResult("homeserver", CheckResult.Status.OK, text.get("doctor.homeserver.ok", url)));
        boolean supported = versions.stream().anyMatch(SUPPORTED_SPEC_VERSIONS::contains);
        String offered = String.join(", ", versions);
        results.add(supported
                ? new CheckResult("spec", CheckResult.Status.OK, text.get("doctor.spec.ok", offered))
                : fail("spec", text.get("doctor.spec.unsupported", offered, String.join(", ", SUPPORTED_SPEC_VERSIONS))));
        return client;
    }

    private void checkLogin(MatrixClient client, DoctorOptions options, List<CheckResult> results) {
        if (options.user().isEmpty()) {
            results.add(new CheckResult("login", CheckResult.Status.SKIP, text.get("doctor.login.skipped")));
            return;
        }
        String user = options.user().get();
        if (options.password().isEmpty()) {
            results.add(fail("login", text.get("doctor.login.noPassword", user)));
            return;
        }
        try {
            Session session = client.login(user, options.password().get(), null, "Amtsdesk doctor");
            results.add(new CheckResult("login", CheckResult.Status.OK,
                    text.get("doctor.login.ok", session.userId())));
            // The doctor must not leave a device behind in the account it checked.
            client.logout(session);
        } catch (MatrixException e) {
            String key = e.failure() == MatrixFailure.WRONG_CREDENTIALS ? "doctor.login.wrongCredentials"
                    : "doctor.login.failed";
            results.add(fail("login", text.get(key, user, e.failure().name())));
        }
    }

    private CheckResult checkCrypto() {
        try {
            return new CheckResult("crypto", CheckResult.Status.OK, text.get("doctor.crypto.ok", cryptoProbe.describe()));
        } catch (Exception | LinkageError e) {
            return fail("crypto", text.get("doctor.crypto.failed", String.valueOf(e.getMessage())));
        }
    }

    private static CheckResult fail(String check, String detail) {
        return new CheckResult(check, CheckResult.Status.FAIL, detail);
    }
}
