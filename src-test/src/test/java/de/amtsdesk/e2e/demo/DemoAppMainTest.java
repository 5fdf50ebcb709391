package de.amtsdesk.e2e.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.Prefill;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's secrets arrive over the pipe as DemoMain writes them, and never show in toString (logs). */
class DemoAppMainTest {

    private static Prefill read(String piped) throws IOException {
        return DemoAppMain.readPrefill(new ByteArrayInputStream(piped.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void passwordThenPassphrase() throws IOException {
        Prefill prefill = read("demo-0a1b2c\ndemo-passphrase-amtsdesk\n");
        assertThat(prefill.password()).contains("demo-0a1b2c");
        assertThat(prefill.passphrase()).contains("demo-passphrase-amtsdesk");
        assertThat(prefill.toString()).doesNotContain("demo-0a1b2c").doesNotContain("demo-passphrase");
    }

    @Test
    void aClosedOrEmptyPipePrefillsNothing() throws IOException {
        assertThat(read("")).isEqualTo(Prefill.NONE);
        assertThat(read("\n\n")).isEqualTo(Prefill.NONE);
        assertThat(read("only-the-password")).isEqualTo(new Prefill(java.util.Optional.of("only-the-password"),
                java.util.Optional.empty()));
    }
}
