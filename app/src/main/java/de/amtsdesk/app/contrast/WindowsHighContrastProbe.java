package de.amtsdesk.app.contrast;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows' contrast themes, read the supported way: {@code SystemParametersInfo(SPI_GETHIGHCONTRAST)} and its
 * {@code HCF_HIGHCONTRASTON} flag (Microsoft: "HIGHCONTRASTW structure"). JavaFX 21 cannot ask
 * ({@code Platform.getPreferences()} came in JavaFX 22), so this calls user32 through JNA.
 *
 * <p>Only core JNA is needed: jna-platform's {@code User32} does not map {@code SystemParametersInfo}, so its 1.4 MB
 * would buy nothing; the one function is declared here. The registry value
 * {@code HKCU\Control Panel\Accessibility\HighContrast\Flags} is not read: it is the same switch's storage, not its API.
 *
 * <p><b>Not run in the build</b>: the build machines are Linux, where user32 does not exist; the tests check the
 * decision, the flag arithmetic and the structure's layout, not this call. Check it by hand on Windows (Settings →
 * Accessibility → Contrast themes, then start Amtsdesk and read "high contrast on (decided by Windows …)" in the log).
 */
final class WindowsHighContrastProbe implements HighContrastProbe {

    private static final Logger LOG = LoggerFactory.getLogger(WindowsHighContrastProbe.class);
    static final int SPI_GETHIGHCONTRAST = 0x0042;
    static final int HCF_HIGHCONTRASTON = 0x00000001;

    /** The one user32 function this needs; W32APIOptions maps it to the Unicode entry point SystemParametersInfoW. */
    interface User32 extends StdCallLibrary {
        boolean SystemParametersInfo(int uiAction, int uiParam, HighContrast pvParam, int fWinIni);
    }

    /** {@code HIGHCONTRASTW}: cbSize, dwFlags, lpszDefaultScheme (a pointer we never read). */
    @Structure.FieldOrder({"cbSize", "dwFlags", "lpszDefaultScheme"})
    public static final class HighContrast extends Structure {
        public int cbSize;
        public int dwFlags;
        public Pointer lpszDefaultScheme;

        public HighContrast() {
            cbSize = size();
        }
    }

    @Override
    public Optional<Boolean> highContrastOn() {
        try {
            User32 user32 = Native.load("user32", User32.class, W32APIOptions.DEFAULT_OPTIONS);
            HighContrast contrast = new HighContrast();
            if (!user32.SystemParametersInfo(SPI_GETHIGHCONTRAST, contrast.cbSize, contrast, 0)) {
                LOG.info("SystemParametersInfo(SPI_GETHIGHCONTRAST) failed: error {}", Native.getLastError());
                return Optional.empty();
            }
            return Optional.of(isOn(contrast.dwFlags));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | RuntimeException e) {
            // No JNA native library for this machine, or no user32: the contrast theme stays the caseworker's option.
            LOG.info("Windows contrast setting not readable: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    static boolean isOn(int flags) {
        return (flags & HCF_HIGHCONTRASTON) != 0;
    }

    @Override
    public String name() {
        return "Windows (SPI_GETHIGHCONTRAST)";
    }
}
