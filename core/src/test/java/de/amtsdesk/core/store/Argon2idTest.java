package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.crypto.CryptoNativeException;
import de.amtsdesk.crypto.NativeLibraryUnavailableException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Argon2idTest {

    private static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    @Test
    void theNativeKeyIsBouncyCastlesSoEveryExistingVaultStillOpens() {
        byte[] ascii = VaultCrypto.utf8Nfc("correct horse battery staple".toCharArray());
        byte[] umlauts = VaultCrypto.utf8Nfc("Straße über Öl — 𝔄".toCharArray());
        for (Argon2idParameters cost : new Argon2idParameters[] {Argon2idParameters.MINIMUM,
                Argon2idParameters.RECOMMENDED, new Argon2idParameters(8 * 1024, 1, 2),
                new Argon2idParameters(19 * 1024, 2, 4)}) {
            for (byte[] secret : new byte[][] {ascii, umlauts}) {
                byte[] native_ = Argon2id.NATIVE.derive(secret, SALT, cost, 32);
                byte[] java = Argon2id.JAVA.derive(secret, SALT, cost, 32);

                assertThat(HexFormat.of().formatHex(native_)).as("%s", cost)
                        .isEqualTo(HexFormat.of().formatHex(java));
            }
        }
    }

    @Test
    void theVaultUsesTheNativeImplementation() {
        byte[] secret = VaultCrypto.utf8Nfc("demo".toCharArray());
        AtomicInteger fallbackCalls = new AtomicInteger();

        byte[] key = Argon2id.derive(Argon2id.NATIVE, (s, salt, cost, length) -> {
            fallbackCalls.incrementAndGet();
            return new byte[length];
        }, secret, SALT, Argon2idParameters.MINIMUM, 32);

        assertThat(fallbackCalls).hasValue(0);
        assertThat(key).isEqualTo(Argon2id.JAVA.derive(secret, SALT, Argon2idParameters.MINIMUM, 32));
        assertThat(VaultCrypto.masterKey("demo".toCharArray(), SALT, Argon2idParameters.MINIMUM)).isEqualTo(key);
    }

    @Test
    void withoutTheNativeLibraryJavaComputesTheSameKey() {
        byte[] secret = VaultCrypto.utf8Nfc("demo".toCharArray());

        byte[] key = Argon2id.derive((s, salt, cost, length) -> {
            throw new NativeLibraryUnavailableException("no library in this test");
        }, Argon2id.JAVA, secret, SALT, Argon2idParameters.MINIMUM, 32);

        assertThat(key).isEqualTo(Argon2id.NATIVE.derive(secret, SALT, Argon2idParameters.MINIMUM, 32));
    }

    @Test
    void otherNativeFailuresAreNotHiddenByTheFallback() {
        byte[] secret = VaultCrypto.utf8Nfc("demo".toCharArray());

        assertThatThrownBy(() -> Argon2id.derive(Argon2id.NATIVE, Argon2id.JAVA, secret, new byte[3],
                Argon2idParameters.MINIMUM, 32))
                .isInstanceOf(CryptoNativeException.class).hasMessageContaining("Argon2id refused");
    }
}
