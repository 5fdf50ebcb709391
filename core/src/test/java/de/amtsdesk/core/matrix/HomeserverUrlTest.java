package de.amtsdesk.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HomeserverUrlTest {

    @Test
    void addsHttpsAndDropsTrailingSlashes() throws MatrixException {
        assertThat(HomeserverUrl.parse(" matrix.example.org/ ").toString()).isEqualTo("https://matrix.example.org");
        assertThat(HomeserverUrl.parse("http://127.0.0.1:8448//").toString()).isEqualTo("http://127.0.0.1:8448");
        assertThat(HomeserverUrl.parse("https://example.org/matrix").resolve("/_matrix/client/versions").toString())
                .isEqualTo("https://example.org/matrix/_matrix/client/versions");
    }

    @Test
    void rejectsWhatCannotBeAHomeserver() {
        for (String bad : new String[] {"", "   ", "ftp://example.org", "http://", "https://exa mple.org",
                "https://admin:secret@example.org", "https://example.org/?x=1"}) {
            assertThatThrownBy(() -> HomeserverUrl.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(MatrixException.class,
                            e -> assertThat(e.failure()).isEqualTo(MatrixFailure.INVALID_URL));
        }
    }

    @Test
    void plainHttpIsRefusedForAnyHostThatIsNotThisMachine() {
        for (String insecure : new String[] {"http://matrix.example.org", "HTTP://matrix.example.org:8008/",
                "http://10.0.0.5:8008", "http://128.0.0.1", "http://127.0.0.1.example.org", "http://localhost.evil.org",
                "http://[2001:db8::1]:8008", "http://0.0.0.0:8008"}) {
            assertThatThrownBy(() -> HomeserverUrl.parse(insecure))
                    .as(insecure)
                    .isInstanceOfSatisfying(MatrixException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MatrixFailure.INSECURE_URL);
                        assertThat(e.subject()).isEqualToIgnoringCase(insecure);
                    });
        }
    }

    @Test
    void plainHttpIsAllowedOnLoopbackForTestsAndTheDemo() throws MatrixException {
        for (String local : new String[] {"http://127.0.0.1:8008", "http://127.1.2.3", "http://localhost:8008",
                "http://LOCALHOST", "http://[::1]:8008", "http://[0:0:0:0:0:0:0:1]"}) {
            HomeserverUrl url = HomeserverUrl.parse(local);
            assertThat(url.uri().getScheme()).as(local).isEqualTo("http");
            assertThat(url.loopback()).as(local).isTrue();
        }
        assertThat(HomeserverUrl.parse("https://matrix.example.org").loopback()).isFalse();
        assertThat(HomeserverUrl.isLoopback("127.0.0.256")).isFalse();
        assertThat(HomeserverUrl.isLoopback("127.0.0.1.")).isTrue();
    }
}
