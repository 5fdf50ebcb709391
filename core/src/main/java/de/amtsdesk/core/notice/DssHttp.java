package de.amtsdesk.core.notice;

import de.amtsdesk.core.policy.ProxyAddress;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.http.proxy.ProxyConfig;
import eu.europa.esig.dss.service.http.proxy.ProxyProperties;
import java.net.URI;

/**
 * DSS's HTTP clients (time stamps, OCSP, CRLs, issuer certificates) as the app needs them: through the proxy the
 * admin policy installed (DSS has its own HTTP stack, which does not follow the JVM's proxy selector) and with
 * timeouts short enough that an unreachable responder makes a check "not confirmed" in seconds, not minutes.
 */
final class DssHttp {

    /** Connect and read, each; DSS's own default is a minute or more. */
    static final int TIMEOUT_MILLIS = 10_000;

    private DssHttp() {
    }

    static TimestampDataLoader timestamps(String tsaUrl) {
        return configured(new TimestampDataLoader(), URI.create(tsaUrl));
    }

    static OCSPDataLoader ocsp() {
        return configured(new OCSPDataLoader(), URI.create("http://ocsp.invalid/"));
    }

    /** CRLs and issuer certificates (AIA): plain GETs. */
    static CommonsDataLoader plain() {
        return configured(new CommonsDataLoader(), URI.create("http://crl.invalid/"));
    }

    private static <T extends CommonsDataLoader> T configured(T loader, URI typical) {
        loader.setTimeoutConnection(TIMEOUT_MILLIS);
        loader.setTimeoutConnectionRequest(TIMEOUT_MILLIS);
        loader.setTimeoutResponse(TIMEOUT_MILLIS);
        loader.setTimeoutSocket(TIMEOUT_MILLIS);
        // The policy's proxy applies to every address, so asking for a typical one is asking for all of them.
        ProxyAddress.forUri(typical).ifPresent(proxy -> loader.setProxyConfig(proxyConfig(proxy)));
        return loader;
    }

    private static ProxyConfig proxyConfig(ProxyAddress proxy) {
        ProxyProperties properties = new ProxyProperties();
        properties.setHost(proxy.host());
        properties.setPort(proxy.port());
        ProxyConfig config = new ProxyConfig();
        config.setHttpProperties(properties);
        config.setHttpsProperties(properties);
        return config;
    }
}
