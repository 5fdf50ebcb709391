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
        for (String bad : new String[] {"", "   ", "ftp://example.org", "http://", "https://exa mple.org"}) {
            assertThatThrownBy(() -> HomeserverUrl.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(MatrixException.class,
                            e -> assertThat(e.failure()).isEqualTo(MatrixFailure.INVALID_URL));
        }
    }
}
