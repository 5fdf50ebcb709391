package de.amtsdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingPipelineTest {

    @TempDir
    Path dev;

    @Test
    void aLinuxMachineWithoutAnyGpuDeviceDrawsInSoftwareAtOnce() {
        assertEquals(Optional.of("sw"), RenderingPipeline.choose("Linux", name -> null, dev));
    }

    @Test
    void anEmptyDriFolderIsNoGpu() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/by-path-placeholder"));
        assertEquals(Optional.of("sw"), RenderingPipeline.choose("Linux", name -> null, dev));
    }

    @Test
    void aRenderNodeOrCardLeavesTheChoiceToJavaFx() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", name -> null, dev));
        Files.delete(dev.resolve("dri/renderD128"));
        Files.createFile(dev.resolve("dri/card0"));
        assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", name -> null, dev));
    }

    @Test
    void theNvidiaDriversDeviceCountsAsGpu() throws IOException {
        Files.createFile(dev.resolve("nvidia0"));
        assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", name -> null, dev));
    }

    @Test
    void anOrderGivenByItOrATesterIsKept() {
        Map<String, String> given = Map.of("prism.order", "es2");
        assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", given::get, dev));
    }

    @Test
    void windowsAndMacDecideAsAlways() {
        assertEquals(Optional.empty(), RenderingPipeline.choose("Windows 11", name -> null, dev));
        assertEquals(Optional.empty(), RenderingPipeline.choose("Mac OS X", name -> null, dev));
    }
}
