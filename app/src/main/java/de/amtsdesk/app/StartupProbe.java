package de.amtsdesk.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Lets the start-up benchmark (bench/) and packaging smoke tests measure "process start to login screen" in the
 * real app: with {@code -Damtsdesk.startupProbe=true} the app prints one line when the login window is shown and
 * quits. With {@code -Damtsdesk.startupProbe.picture=FILE} it first writes what the window shows as a PNG (the
 * installed package's test looks at it). Without the properties it does nothing.
 */
final class StartupProbe {

    static final String PROPERTY = "amtsdesk.startupProbe";
    static final String PICTURE_PROPERTY = "amtsdesk.startupProbe.picture";
    static final String MARKER = "AMTSDESK_LOGIN_SHOWN";

    private StartupProbe() {
    }

    static void loginScreenShown(Scene scene) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(MARKER + " epochMillis=" + System.currentTimeMillis() + " sinceJvmStartMillis="
                + sinceJvmStart);
        String picture = System.getProperty(PICTURE_PROPERTY);
        if (picture != null && !picture.isBlank() && scene != null) {
            try {
                writePng(scene.snapshot(null), Path.of(picture));
                System.out.println("AMTSDESK_PICTURE " + picture);
            } catch (IOException | RuntimeException e) {
                System.out.println("AMTSDESK_PICTURE_FAILED " + e.getClass().getSimpleName());
            }
        }
        System.out.flush();
        Platform.exit();
    }

    /** Without the javafx-swing module (not in the image): pixel by pixel into an ARGB picture. */
    private static void writePng(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(out, "png", file.toFile());
    }
}
