package de.amtsdesk.core.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The few primitives the vault is built from: AES-GCM and HKDF from BouncyCastle's lightweight API so that the key
 * bytes stay in arrays we own and can zero, Argon2id from the native library ({@link Argon2id}, ADR 0025; its copies
 * are zeroed there). Library-internal copies (the expanded AES key schedule, HKDF's copy of its input) cannot be
 * reached and are left to the garbage collector; ADR 0004 says so.
 */
final class VaultCrypto {

    static final int KEY_BYTES = 32;
    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private VaultCrypto() {
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Argon2id (version 0x13) over the passphrase's NFC UTF-8 bytes; 32 bytes out. */
    static byte[] masterKey(char[] passphrase, byte[] salt, Argon2idParameters cost) {
        byte[] secret = utf8Nfc(passphrase);
        try {
            return Argon2id.derive(secret, salt, cost, KEY_BYTES);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** AES-256-GCM encryption; the result is ciphertext followed by the 16-byte tag. */
    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        try {
            return gcm(true, key, nonce, plaintext, associatedData);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** AES-256-GCM decryption; throws when the tag does not verify (wrong key or altered input). */
    static byte[] open(byte[] key, byte[] nonce, byte[] sealed, byte[] associatedData)
            throws InvalidCipherTextException {
        return gcm(false, key, nonce, sealed, associatedData);
    }

    private static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] associatedData)
            throws InvalidCipherTextException {
        KeyParameter keyParameter = new KeyParameter(key);
        try {
            GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
            cipher.init(encrypt, new AEADParameters(keyParameter, TAG_BITS, nonce, associatedData));
            byte[] out = new byte[cipher.getOutputSize(input.length)];
            int length = cipher.processBytes(input, 0, input.length, out, 0);
            length += cipher.doFinal(out, length);
            return length == out.length ? out : Arrays.copyOf(out, length);
        } finally {
            // KeyParameter copied the key; getKey() hands back that copy, so it can be wiped here.
            Arrays.fill(keyParameter.getKey(), (byte) 0);
        }
    }

    /** HKDF-SHA256 (RFC 5869) without salt: the input is already a uniformly random key. */
    static byte[] hkdf(byte[] inputKey, String info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(SHA256Digest.newInstance());
        generator.init(new HKDFParameters(inputKey, null, info.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Lower-case hex, as chars so the result can be zeroed (H2 takes its password as char[]). */
    static char[] hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return out;
    }

    /**
     * The passphrase as UTF-8 in Unicode NFC. Normalising matters: the same "ä" typed on another keyboard or
     * system can arrive decomposed, and the caseworker would be told the passphrase is wrong. The common case
     * (already NFC) never makes a String; only a decomposed passphrase needs an immutable String briefly.
     */
    static byte[] utf8Nfc(char[] passphrase) {
        CharBuffer chars = CharBuffer.wrap(passphrase);
        char[] normalized = null;
        if (!Normalizer.isNormalized(chars, Normalizer.Form.NFC)) {
            normalized = Normalizer.normalize(chars, Normalizer.Form.NFC).toCharArray();
            chars = CharBuffer.wrap(normalized);
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer encoded = null;
        try {
            encoded = encoder.encode(chars);
            return Arrays.copyOfRange(encoded.array(), encoded.arrayOffset(), encoded.arrayOffset() + encoded.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the passphrase contains an unpaired surrogate character", e);
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            if (normalized != null) {
                Arrays.fill(normalized, '\0');
            }
        }
    }
}
