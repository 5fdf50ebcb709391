package de.amtsdesk.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.h2.store.fs.encrypt.FileEncrypt;
import org.h2.store.fs.encrypt.FilePathEncrypt;

/**
 * Tells a wrong key from a damaged file, which H2 cannot: for an encrypted database it reports every
 * "file corrupt" as 90049 "encryption error". We know the key is the vault's, so we look ourselves: a file
 * without H2's encryption magic, or too short to hold the store header, is damaged; if the vault's key decrypts
 * the store header (it begins "H:2,"), the key is right and the damage is elsewhere; otherwise the file belongs
 * to other keys. Read-only, on the rare path where opening failed.
 *
 * <p>Uses H2's public {@link FileEncrypt} so the decryption is exactly H2's; the tests for wrong keys and
 * damaged files fail if an H2 upgrade changes the layout.
 */
final class H2FileInspection {

    enum Verdict { NOT_AN_ENCRYPTED_H2_FILE, TOO_SHORT, KEY_FITS, KEY_DOES_NOT_FIT, UNREADABLE }

    private static final byte[] ENCRYPTION_MAGIC = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int BLOCK = FileEncrypt.BLOCK_SIZE;
    /** Encryption header plus the two copies of the store header. */
    private static final long MINIMUM_SIZE = 3L * BLOCK;
    private static final byte[] STORE_HEADER_START = "H:2,".getBytes(StandardCharsets.ISO_8859_1);

    private H2FileInspection() {
    }

    static Verdict inspect(Path file, char[] filePassword) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer magic = ByteBuffer.allocate(ENCRYPTION_MAGIC.length);
            channel.read(magic, 0);
            if (!Arrays.equals(magic.array(), ENCRYPTION_MAGIC)) {
                return Verdict.NOT_AN_ENCRYPTED_H2_FILE;
            }
            if (channel.size() < MINIMUM_SIZE) {
                return Verdict.TOO_SHORT;
            }
            byte[] key = FilePathEncrypt.getPasswordBytes(filePassword);
            try {
                FileEncrypt decrypting = new FileEncrypt(file.toString(), key, channel);
                // Either copy of the store header will do; one may be torn by a crash.
                for (long position = 0; position <= BLOCK; position += BLOCK) {
                    ByteBuffer block = ByteBuffer.allocate(STORE_HEADER_START.length);
                    decrypting.read(block, position);
                    if (Arrays.equals(block.array(), STORE_HEADER_START)) {
                        return Verdict.KEY_FITS;
                    }
                }
                return Verdict.KEY_DOES_NOT_FIT;
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (IOException | RuntimeException e) {
            return Verdict.UNREADABLE;
        }
    }
}
