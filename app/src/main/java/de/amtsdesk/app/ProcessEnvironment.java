package de.amtsdesk.app;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets a variable in this process's own environment (POSIX {@code setenv}, through Java's foreign function API),
 * for native libraries that read it later in this process — GTK reads {@code GDK_GL} when JavaFX opens the display.
 * Java itself has no such call: {@link System#getenv()} keeps the values it read at start. Only before other threads
 * could read the environment (setenv is not safe against a concurrent getenv).
 */
final class ProcessEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessEnvironment.class);

    private ProcessEnvironment() {
    }

    /** Whether the variable is now set; false (and logged) where there is no setenv, e.g. on Windows. */
    static boolean set(String name, String value) {
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> setenv = linker.defaultLookup().find("setenv");
        if (setenv.isEmpty()) {
            return false;
        }
        MethodHandle call = linker.downcallHandle(setenv.get(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int result = (int) call.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 1);
            return result == 0;
        } catch (Throwable e) { // invokeExact declares Throwable; a failed call must not stop the start
            LOG.warn("{} not set in the process environment: {}", name, e.toString());
            return false;
        }
    }

    /** The variable as the C library sees it now (not {@link System#getenv}, which was read at start). */
    static Optional<String> get(String name) {
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> getenv = linker.defaultLookup().find("getenv");
        if (getenv.isEmpty()) {
            return Optional.empty();
        }
        MethodHandle call = linker.downcallHandle(getenv.get(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment found = (MemorySegment) call.invokeExact(arena.allocateFrom(name));
            return found.equals(MemorySegment.NULL) ? Optional.empty()
                    : Optional.of(found.reinterpret(Long.MAX_VALUE).getString(0));
        } catch (Throwable e) {
            return Optional.empty();
        }
    }
}
