package de.amtsdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProcessEnvironmentTest {

    /** What native code reads afterwards: asked through the C library's getenv, not Java's start-time copy. */
    @Test
    void aVariableSetIsSeenByTheCLibrary() {
        String name = "AMTSDESK_TEST_" + UUID.randomUUID().toString().replace('-', '_').toUpperCase();
        assertEquals(Optional.empty(), ProcessEnvironment.get(name));
        assertTrue(ProcessEnvironment.set(name, "disable"));
        assertEquals(Optional.of("disable"), ProcessEnvironment.get(name));
    }
}
