package de.amtsdesk.app.conversation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a file with the program the system associates with its type. An interface so the conversation's logic is
 * tested without starting anything (the tests run with {@code java.awt.headless}).
 */
@FunctionalInterface
public interface SystemOpener {

    /**
     * @throws UnsupportedOperationException when this system cannot open files (headless, no desktop integration)
     * @throws IOException when the system found no program or could not start it
     */
    void open(Path file) throws IOException;

    /**
     * {@code java.awt.Desktop#open}: the system's association (ShellExecute on Windows, the desktop's handler on
     * Linux), unlike JavaFX's {@code HostServices.showDocument}, which is meant for web addresses. Call it off the FX
     * thread: it may wait for the program to start.
     */
    static SystemOpener desktop() {
        return file -> {
            if (java.awt.GraphicsEnvironment.isHeadless() || !java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                throw new UnsupportedOperationException("no desktop integration to open files");
            }
            java.awt.Desktop.getDesktop().open(file.toFile());
        };
    }
}
