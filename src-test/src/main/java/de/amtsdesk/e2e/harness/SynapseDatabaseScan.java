package de.amtsdesk.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Synapse's SQLite database (file, journal, WAL) as raw bytes on disk, for tests that prove something never reached
 * the server in clear. Each such test also looks for something that is in clear there, so the scan itself can fail.
 */
public final class SynapseDatabaseScan {

    private final byte[] bytes;

    private SynapseDatabaseScan(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SynapseDatabaseScan of(SynapseServer synapse) {
        List<byte[]> parts = new ArrayList<>();
        int total = 0;
        for (Path file : files(synapse)) {
            try {
                byte[] b = Files.readAllBytes(file);
                parts.add(b);
                total += b.length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (parts.isEmpty()) {
            throw new HarnessException("no SQLite database in " + synapse.workDir());
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        return new SynapseDatabaseScan(all);
    }

    /** The database file and its journal or WAL, as they lie in Synapse's working directory. */
    public static List<Path> files(SynapseServer synapse) {
        try (Stream<Path> list = Files.list(synapse.workDir())) {
            return list.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".db") || name.endsWith(".db-wal") || name.endsWith(".db-journal");
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the UTF-8 bytes of {@code text} occur anywhere in the database files. */
    public boolean contains(String text) {
        byte[] n = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= bytes.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (bytes[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
