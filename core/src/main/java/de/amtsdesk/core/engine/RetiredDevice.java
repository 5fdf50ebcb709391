package de.amtsdesk.core.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Remembers, in the data folder, that the stored device was ended for good by the server (hard logout), until a
 * login has created its successor. Written first, before the token and the crypto store go, so a crash half-way can
 * never lead to logging in again as the dead device with its old keys. A device ID is no secret (the server lists
 * it to every member of the account), so the marker is plain text.
 */
final class RetiredDevice {

    static final String FILE_NAME = "retired-device";

    private final Path file;

    RetiredDevice(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    void mark(String deviceId) {
        try {
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            Files.writeString(temporary, deviceId, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Without the marker the retirement is not safe: stop here rather than wipe half of it.
            throw new UncheckedIOException("cannot mark device " + deviceId + " as retired", e);
        }
    }

    Optional<String> deviceId() {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    boolean isRetired(String deviceId) {
        return deviceId().map(deviceId::equals).orElse(false);
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
