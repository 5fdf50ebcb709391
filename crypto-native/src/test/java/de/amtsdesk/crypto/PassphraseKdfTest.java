package de.amtsdesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PassphraseKdfTest {

    private static final byte[] PASSWORD = "password".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SALT = "somesalt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void matchesTheReferenceImplementationsArgon2idVector() {
        // phc-winner-argon2's test vector for Argon2id v0x13: t=2, m=2^16 KiB, p=1.
        byte[] key = PassphraseKdf.argon2id(PASSWORD, SALT, 1 << 16, 2, 1, 32);

        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
    }

    @Test
    void eachParameterChangesTheKeyAndTheLengthIsTheOneAskedFor() {
        byte[] key = PassphraseKdf.argon2id(PASSWORD, SALT, 64, 2, 1, 32);

        assertThat(PassphraseKdf.argon2id(PASSWORD, SALT, 64, 2, 1, 32)).isEqualTo(key);
        assertThat(PassphraseKdf.argon2id(PASSWORD, SALT, 128, 2, 1, 32)).isNotEqualTo(key);
        assertThat(PassphraseKdf.argon2id(PASSWORD, SALT, 64, 3, 1, 32)).isNotEqualTo(key);
        assertThat(PassphraseKdf.argon2id(PASSWORD, SALT, 64, 2, 2, 32)).isNotEqualTo(key);
        assertThat(PassphraseKdf.argon2id("Password".getBytes(java.nio.charset.StandardCharsets.US_ASCII), SALT, 64,
                2, 1, 32)).isNotEqualTo(key);
        assertThat(PassphraseKdf.argon2id(PASSWORD, SALT, 64, 2, 1, 64)).hasSize(64);
    }

    @Test
    void parametersOutsideTheRfcAreRefusedWithAMessageNamingThem() {
        assertThatThrownBy(() -> PassphraseKdf.argon2id(PASSWORD, SALT, 1, 2, 1, 32))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("m=1 KiB");
        assertThatThrownBy(() -> PassphraseKdf.argon2id(PASSWORD, SALT, -5, 2, 1, 32))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("memoryKiB must not be negative");
        assertThatThrownBy(() -> PassphraseKdf.argon2id(PASSWORD, "short".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), 64, 2, 1, 32))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("Argon2id refused");
        assertThatThrownBy(() -> PassphraseKdf.argon2id(null, SALT, 64, 2, 1, 32))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("passphrase");
    }
}
