package de.amtsdesk.core.notice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * poppler's pdfsig as an independent second opinion. It exits 0 whatever it finds, so its text is read:
 * "Signature Validation: Signature is Valid." or "Digest Mismatch.".
 */
final class Pdfsig {

    private Pdfsig() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/pdfsig"));
    }

    static String run(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("notice-", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdfsig", "-nocert", file.toString()).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("pdfsig did not finish");
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
