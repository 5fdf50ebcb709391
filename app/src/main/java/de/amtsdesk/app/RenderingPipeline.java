package de.amtsdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which JavaFX rendering pipeline to use, decided before the toolkit starts. On Linux without any GPU device (a
 * virtual desktop, Xvfb, a thin client) OpenGL is loaded twice for nothing — by JavaFX's pipeline probe and by
 * GTK 3 (through libepoxy) when it opens the display — Mesa's software OpenGL with its LLVM compiler, about 50 MB of
 * resident memory that stay mapped, while JavaFX rejects it ("Failed Graphics Hardware Qualifier check") and draws
 * with its own software pipeline after all (measured: bench/results/packaged-startup-queue-heaps.txt, issue 11).
 * Without a device this class asks for that software pipeline directly and tells GTK not to use OpenGL
 * ({@code GDK_GL=disable}). With a device, on other systems, or when {@code prism.order} is already given (by IT in
 * the launcher's options, or a tester), nothing changes.
 */
final class RenderingPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(RenderingPipeline.class);
    static final String ORDER_PROPERTY = "prism.order";
    static final String SOFTWARE = "sw";

    private RenderingPipeline() {
    }

    /**
     * Sets {@code prism.order=sw} for this JVM when {@link #choose} says so, and {@code GDK_GL=disable} in this
     * process's environment unless it is set already. Call before the toolkit starts, from the main thread.
     */
    static void chooseForThisMachine() {
        choose(System.getProperty("os.name", ""), System::getProperty,
                Path.of(java.io.File.separator, "dev")).ifPresent(order -> {
            System.setProperty(ORDER_PROPERTY, order);
            boolean gtkToo = ProcessEnvironment.get(GDK_GL).isPresent() || ProcessEnvironment.set(GDK_GL, "disable");
            LOG.info("no GPU device under /dev: JavaFX draws with its software pipeline without trying OpenGL first{}",
                    gtkToo ? "" : " (GTK may still load OpenGL: GDK_GL not set)");
        });
    }

    static final String GDK_GL = "GDK_GL";

    /**
     * The pipeline order to set, or empty to leave JavaFX's own choice.
     *
     * @param osName the {@code os.name} of this JVM
     * @param properties system properties by name (null when not set)
     * @param dev the device directory ({@code /dev})
     */
    static Optional<String> choose(String osName, UnaryOperator<String> properties, Path dev) {
        if (properties.apply(ORDER_PROPERTY) != null || !osName.startsWith("Linux")) {
            return Optional.empty();
        }
        return hasGpuDevice(dev) ? Optional.empty() : Optional.of(SOFTWARE);
    }

    /** DRM render or card nodes (Mesa, AMD, Intel, nouveau) or the NVIDIA driver's own device. */
    private static boolean hasGpuDevice(Path dev) {
        if (Files.exists(dev.resolve("nvidia0"))) {
            return true;
        }
        Path dri = dev.resolve("dri");
        if (!Files.isDirectory(dri)) {
            return false;
        }
        try (Stream<Path> nodes = Files.list(dri)) {
            return nodes.map(node -> String.valueOf(node.getFileName()))
                    .anyMatch(name -> name.startsWith("renderD") || name.startsWith("card"));
        } catch (IOException e) {
            return true; // cannot tell: JavaFX tries OpenGL as it always does
        }
    }
}
