package de.amtsdesk.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Loads the native crypto library ({@code amtsdesk_crypto}) into the JVM, once.
 *
 * <p>The installed app (jpackage image, MSI) names its own copy with the system property
 * {@value #LIBRARY_PROPERTY}: the library sits beside the app's jars and is loaded where it is,
 * which Windows application control (AppLocker's DLL rules) allows and a copy in the user's
 * temporary folder it may not, and which saves copying 17 MB at every start. Without the property
 * (development, tests) the library comes from the classpath, at
 * {@code /native/<platform>/<library file>} inside this module's jar. A JVM cannot load a library
 * from inside a jar, so it is copied to a temporary directory only the current user can read and
 * loaded from there; copies earlier starts could not delete (Windows locks a loaded library until
 * the process ends) are removed then.
 */
public final class NativeLibraryLoader {

    /** System property naming a library file to load instead of the one on the classpath (set by the installed app). */
    public static final String LIBRARY_PROPERTY = "amtsdesk.crypto.library";

    /** The library's name without platform prefix or suffix, as cargo's {@code [lib] name}. */
    public static final String LIBRARY_BASE_NAME = "amtsdesk_crypto";

    private static final String TEMP_PREFIX = "amtsdesk-crypto-";
    private static final java.time.Duration STALE_AFTER = java.time.Duration.ofMinutes(10);
    private static final Object LOCK = new Object();
    private static volatile boolean loaded;
    // A failed load is not retried: the JVM state it left behind is unknown, and every caller
    // should see the same first cause rather than a later, more confusing one.
    private static NativeLibraryUnavailableException failure;

    private NativeLibraryLoader() {
    }

    /**
     * Makes sure the library is loaded; cheap once it is.
     *
     * @throws NativeLibraryUnavailableException if it is missing, for another platform, or fails
     *     to load
     */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (LOCK) {
            if (loaded) {
                return;
            }
            if (failure != null) {
                throw new NativeLibraryUnavailableException(failure.getMessage(), failure);
            }
            try {
                load(Platform.current(), System.getProperty(LIBRARY_PROPERTY),
                        NativeLibraryLoader.class.getClassLoader());
                loaded = true;
            } catch (NativeLibraryUnavailableException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** Where on the classpath the library for {@code platform} is expected. */
    public static String resourcePath(Platform platform) {
        return "/native/" + platform.id() + "/" + platform.libraryFileName(LIBRARY_BASE_NAME);
    }

    // Separate from ensureLoaded() so tests can try other platforms and files without touching
    // the process-wide state.
    static void load(Platform platform, String overrideFile, ClassLoader classLoader) {
        if (overrideFile != null && !overrideFile.isBlank()) {
            loadFromOverride(platform, Path.of(overrideFile).toAbsolutePath());
        } else {
            loadFromClasspath(platform, classLoader);
        }
    }

    private static void loadFromOverride(Platform platform, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NativeLibraryUnavailableException("Native crypto library file " + file + " (from -D"
                    + LIBRARY_PROPERTY + ") does not exist or is not a file; platform " + platform.id() + ".");
        }
        systemLoad(platform, file, "from -D" + LIBRARY_PROPERTY);
    }

    private static void loadFromClasspath(Platform platform, ClassLoader classLoader) {
        String resource = resourcePath(platform);
        Path directory = null;
        Path file = null;
        try (InputStream in = classLoader.getResourceAsStream(resource.substring(1))) {
            if (in == null) {
                throw new NativeLibraryUnavailableException("Native crypto library resource " + resource
                        + " not found on the classpath for platform " + platform.id()
                        + ". This build of Amtsdesk does not contain the library for this platform; for development set -D"
                        + LIBRARY_PROPERTY + "=<path to " + platform.libraryFileName(LIBRARY_BASE_NAME) + ">.");
            }
            removeStaleCopies(Path.of(System.getProperty("java.io.tmpdir")), STALE_AFTER);
            directory = createPrivateTempDirectory();
            file = directory.resolve(platform.libraryFileName(LIBRARY_BASE_NAME));
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(file, directory);
            throw new NativeLibraryUnavailableException("Could not extract native crypto library resource " + resource
                    + " for platform " + platform.id() + " to a temporary file: " + e.getMessage(), e);
        }
        try {
            systemLoad(platform, file, "extracted from classpath resource " + resource
                    + "; if java.io.tmpdir is mounted noexec, point -D" + LIBRARY_PROPERTY + " at a copy elsewhere");
        } finally {
            deleteQuietly(file, directory);
        }
    }

    private static void systemLoad(Platform platform, Path file, String origin) {
        try {
            System.load(file.toString());
        } catch (UnsatisfiedLinkError e) {
            throw new NativeLibraryUnavailableException("Could not load native crypto library " + file + " (" + origin
                    + ") on platform " + platform.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the copies earlier starts left in {@code tempRoot}: on Windows a loaded library cannot be deleted while
     * its process runs, and {@code deleteOnExit} runs while it is still loaded, so every start left 17 MB behind. A
     * copy younger than {@code minimumAge} is left alone (another start may be between copying and loading it), and
     * so is one still in use (deleting it fails).
     *
     * @return how many copies were removed
     */
    static int removeStaleCopies(Path tempRoot, java.time.Duration minimumAge) {
        java.time.Instant before = java.time.Instant.now().minus(minimumAge);
        int removed = 0;
        try (var copies = Files.newDirectoryStream(tempRoot, TEMP_PREFIX + "*")) {
            for (Path directory : copies) {
                if (isOlder(directory, before) && deleteTree(directory)) {
                    removed++;
                }
            }
        } catch (IOException | SecurityException e) {
            // Not being able to tidy up never stops the start.
        }
        return removed;
    }

    private static boolean isOlder(Path directory, java.time.Instant before) {
        try {
            return Files.isDirectory(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && Files.getLastModifiedTime(directory).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean deleteTree(Path directory) {
        try (var files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
            return true;
        } catch (IOException e) {
            return false; // in use by a running instance
        }
    }

    private static Path createPrivateTempDirectory() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(TEMP_PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        // Windows: the user's temp directory is already private to the user.
        return Files.createTempDirectory(TEMP_PREFIX);
    }

    // A loaded library stays mapped after its file is deleted on Linux and macOS, so nothing is
    // left behind. Windows locks loaded files; there the copy goes when the JVM exits.
    private static void deleteQuietly(Path file, Path directory) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            if (directory != null) {
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            // deleteOnExit runs in reverse order of registration: the file before its directory.
            if (directory != null) {
                directory.toFile().deleteOnExit();
            }
            if (file != null) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
