package de.amtsdesk.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.notice.NoticeSigner;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy's proxy really carries the app's traffic: a recording stand-in proxy on loopback sees the absolute
 * request line of the JDK client and of DSS's time-stamp client (a plain-HTTP proxy request names the full URL).
 */
class ProxyAddressTest {

    private ProxySelector before;
    private ServerSocket proxy;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startRecordingProxy() throws Exception {
        before = ProxySelector.getDefault();
        proxy = new ServerSocket(0);
        Thread.ofVirtual().start(() -> {
            while (!proxy.isClosed()) {
                try (Socket client = proxy.accept()) {
                    var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                    requestLines.add(in.readLine());
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (Exception e) {
                    // closed at the end of the test
                }
            }
        });
    }

    @AfterEach
    void restore() throws Exception {
        ProxySelector.setDefault(before);
        proxy.close();
    }

    @Test
    void parsesHostPortAndBracketedIpv6() {
        assertThat(ProxyAddress.parse("proxy.amt.example:3128")).isEqualTo(new ProxyAddress("proxy.amt.example", 3128));
        assertThat(ProxyAddress.parse("[2001:db8::1]:8080")).isEqualTo(new ProxyAddress("2001:db8::1", 8080));
        assertThatThrownBy(() -> ProxyAddress.parse("proxy")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProxyAddress("proxy", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJdkHttpClientGoesThroughTheInstalledProxy() throws Exception {
        new ProxyAddress("127.0.0.1", proxy.getLocalPort()).install();
        // Built the way MatrixHttp builds its client: no proxy of its own, so the default selector applies.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://matrix.amt.example/_matrix/client/versions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(requestLines).containsExactly("GET http://matrix.amt.example/_matrix/client/versions HTTP/1.1");
        assertThat(ProxyAddress.forUri(URI.create("https://tsa.amt.example/")))
                .contains(new ProxyAddress("127.0.0.1", proxy.getLocalPort()));
    }

    @Test
    void theTimeStampRequestOfANoticeGoesThroughTheInstalledProxy() {
        new ProxyAddress("127.0.0.1", proxy.getLocalPort()).install();
        var tsa = NoticeSigner.onlineTsa("http://tsa.amt.example/tsr");
        assertThatThrownBy(() -> tsa.getTimeStampResponse(DigestAlgorithm.SHA256, new byte[32]))
                .isInstanceOf(RuntimeException.class);
        assertThat(requestLines).anySatisfy(line -> assertThat(line).startsWith("POST http://tsa.amt.example/tsr"));
    }

    @Test
    void withoutAProxyNothingIsNamed() {
        ProxySelector.setDefault(ProxySelector.of(null));
        assertThat(ProxyAddress.forUri(URI.create("https://tsa.amt.example/"))).isEmpty();
    }
}
