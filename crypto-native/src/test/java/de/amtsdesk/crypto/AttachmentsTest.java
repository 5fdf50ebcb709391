package de.amtsdesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttachmentsTest {

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(4711).nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    @Test
    void roundTripOfRandomBytes() throws Exception {
        byte[] plaintext = randomBytes(300_000);

        EncryptedAttachment encrypted = Attachments.encrypt(plaintext);
        byte[] decrypted = Attachments.decrypt(encrypted.ciphertext(), encrypted.encryptedFileJson());

        assertThat(encrypted.ciphertext()).hasSameSizeAs(plaintext).isNotEqualTo(plaintext);
        assertThat(sha256(decrypted)).isEqualTo(sha256(plaintext));
    }

    @Test
    void theKeyObjectIsAnEncryptedFileWithoutUrl() {
        JsonNode file = TestEvents.parse(Attachments.encrypt(randomBytes(10)).encryptedFileJson());

        assertThat(file.path("v").asText()).isEqualTo("v2");
        assertThat(file.path("key").path("kty").asText()).isEqualTo("oct");
        assertThat(file.path("key").path("alg").asText()).isEqualTo("A256CTR");
        assertThat(file.path("key").path("k").asText()).isNotEmpty();
        assertThat(file.path("iv").asText()).isNotEmpty();
        assertThat(file.path("hashes").path("sha256").asText()).isNotEmpty();
        assertThat(file.has("url")).isFalse();
    }

    @Test
    void aFlippedCiphertextByteIsDetected() {
        EncryptedAttachment encrypted = Attachments.encrypt(randomBytes(1000));
        byte[] tampered = encrypted.ciphertext().clone();
        tampered[500] ^= 0x01;

        assertThatThrownBy(() -> Attachments.decrypt(tampered, encrypted.encryptedFileJson()))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("decryptAttachment")
                .hasMessageContaining("SHA-256");
    }

    @Test
    void aBrokenKeyObjectIsRefused() {
        EncryptedAttachment encrypted = Attachments.encrypt(randomBytes(100));

        assertThatThrownBy(() -> Attachments.decrypt(encrypted.ciphertext(), "{\"v\":\"v2\"}"))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("encryptedFileJson");
        String wrongLengthKey = encrypted.encryptedFileJson().replaceFirst("\"k\":\"[^\"]+\"", "\"k\":\"AAAA\"");
        assertThatThrownBy(() -> Attachments.decrypt(encrypted.ciphertext(), wrongLengthKey))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("encryptedFileJson");
    }

    @Test
    void emptyAttachmentsWork() {
        EncryptedAttachment encrypted = Attachments.encrypt(new byte[0]);
        assertThat(Attachments.decrypt(encrypted.ciphertext(), encrypted.encryptedFileJson())).isEmpty();
    }
}
