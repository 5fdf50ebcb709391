package de.amtsdesk.bench;

import de.amtsdesk.crypto.NativeLibraryLoader;
import de.amtsdesk.crypto.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The native crypto library as the installed app loads it: one file in place, named by
 * {@code -Damtsdesk.crypto.library} (jpackage/build-app-image.sh), instead of a copy out of the jar at every start.
 * Child JVMs of a start benchmark get this option so that they start as the app does.
 */
final class InstalledCryptoLibrary {

    private static Path file;

    private InstalledCryptoLibrary() {
    }

    /** The JVM option naming the library, copied out of this build's jar once per benchmark run. */
    static synchronized String jvmOption() throws IOException {
        if (file == null) {
            Platform platform = Platform.current();
            String resource = NativeLibraryLoader.resourcePath(platform);
            Path copy = Path.of("bench/target/installed-crypto").toAbsolutePath()
                    .resolve(System.mapLibraryName(NativeLibraryLoader.LIBRARY_BASE_NAME));
            Files.createDirectories(copy.getParent());
            try (InputStream in = NativeLibraryLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no native crypto library at " + resource + " on the classpath");
                }
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            file = copy;
        }
        return "-D" + NativeLibraryLoader.LIBRARY_PROPERTY + "=" + file;
    }
}
