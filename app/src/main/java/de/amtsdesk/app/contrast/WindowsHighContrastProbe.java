package de.amtsdesk.app.contrast;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
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
 * decision, the flag arithmetic and the structure's size, not this call. Check it by hand on Windows (Settings →
 * Accessibility → Contrast themes, then start Amtsdesk and read "high contrast on (decided by Windows …)" in the log).
 */
final class WindowsHighContrastProbe implements HighContrastProbe {

    private static final Logger LOG = LoggerFactory.getLogger(WindowsHighContrastProbe.class);
    static final int SPI_GETHIGHCONTRAST = 0x0042;
    static final int HCF_HIGHCONTRASTON = 0x00000001;

    /** The one user32 function this needs; W32APIOptions maps it to the Unicode entry point SystemParametersInfoW. */
    interface User32 extends StdCallLibrary {
        boolean SystemParametersInfo(int uiAction, int uiParam, Pointer pvParam, int fWinIni);
    }

    /**
     * {@code HIGHCONTRASTW} as plain memory: {@code UINT cbSize} at 0, {@code DWORD dwFlags} at 4, then the pointer
     * {@code lpszDefaultScheme} at 8 (aligned on 32 and 64 bit alike), which we never read. A JNA Structure would need
     * a public field for it that nothing uses.
     */
    static final int FLAGS_OFFSET = 4;

    static int highContrastSize(int pointerSize) {
        return 8 + pointerSize;
    }

    @Override
    public Optional<Boolean> highContrastOn() {
        try {
            User32 user32 = Native.load("user32", User32.class, W32APIOptions.DEFAULT_OPTIONS);
            int size = highContrastSize(Native.POINTER_SIZE);
            try (Memory contrast = new Memory(size)) {
                contrast.clear();
                contrast.setInt(0, size); // cbSize
                if (!user32.SystemParametersInfo(SPI_GETHIGHCONTRAST, size, contrast, 0)) {
                    LOG.info("SystemParametersInfo(SPI_GETHIGHCONTRAST) failed: error {}", Native.getLastError());
                    return Optional.empty();
                }
                return Optional.of(isOn(contrast.getInt(FLAGS_OFFSET)));
            }
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
