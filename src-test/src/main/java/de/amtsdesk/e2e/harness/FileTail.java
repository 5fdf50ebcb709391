package de.amtsdesk.e2e.harness;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log file, for error messages that must explain themselves without digging. */
final class FileTail {
    private static final int MAX_BYTES = 64 * 1024;

    private FileTail() {}

    static String tail(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "(no file " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            int n = (int) Math.min(len, MAX_BYTES); // only the end: logs can be large
            byte[] buf = new byte[n];
            raf.seek(len - n);
            raf.readFully(buf);
            List<String> all = new String(buf, StandardCharsets.UTF_8).lines().toList();
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return last.isEmpty() ? "(empty " + file + ")" : String.join("\n", last);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    /** A titled block for exception messages. */
    static String section(String title, Path file, int lines) {
        return "\n----- " + title + " (last " + lines + " lines of " + file + ") -----\n" + tail(file, lines)
                + "\n----- end of " + title + " -----";
    }
}
