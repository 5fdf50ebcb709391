package de.amtsdesk.crypto;

import java.util.Locale;
import java.util.Objects;

/**
 * An operating system and CPU architecture pair the native library is built per, named like the
 * folder under {@code /native/} in the jar that holds its build (e.g. {@code linux-x86-64}).
 */
public final class Platform {

    private final String os;
    private final String arch;

    private Platform(String os, String arch) {
        this.os = os;
        this.arch = arch;
    }

    /** The platform this JVM runs on. */
    public static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * The platform for the given {@code os.name} and {@code os.arch} values.
     *
     * @throws NativeLibraryUnavailableException if Amtsdesk ships no native build for it
     */
    public static Platform of(String osName, String osArch) {
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(osArch, "osArch");
        String os = normalizeOs(osName);
        String arch = normalizeArch(osArch);
        if (os == null || arch == null || ("windows".equals(os) && !"x86-64".equals(arch))) {
            throw new NativeLibraryUnavailableException("Unsupported platform for the Amtsdesk crypto library: os.name='"
                    + osName + "', os.arch='" + osArch + "'. Supported: linux-x86-64, linux-aarch64, windows-x86-64, "
                    + "macos-x86-64, macos-aarch64.");
        }
        return new Platform(os, arch);
    }

    private static String normalizeOs(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return "linux";
        }
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "macos";
        }
        return null;
    }

    private static String normalizeArch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86-64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
    }

    /** The folder name under {@code /native/}, e.g. {@code linux-x86-64}. */
    public String id() {
        return os + "-" + arch;
    }

    /**
     * The file name a library called {@code baseName} has on this platform. Same as
     * {@link System#mapLibraryName} for the current platform, but also right for the others, so
     * a message about a foreign platform names the file that would really be needed.
     */
    public String libraryFileName(String baseName) {
        return switch (os) {
            case "windows" -> baseName + ".dll";
            case "macos" -> "lib" + baseName + ".dylib";
            default -> "lib" + baseName + ".so";
        };
    }

    boolean isWindows() {
        return "windows".equals(os);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Platform that && os.equals(that.os) && arch.equals(that.arch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(os, arch);
    }

    @Override
    public String toString() {
        return id();
    }
}
