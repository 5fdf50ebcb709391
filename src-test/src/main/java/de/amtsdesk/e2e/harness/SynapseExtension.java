package de.amtsdesk.e2e.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension giving tests a real Synapse: {@code @ExtendWith(SynapseExtension.class)}, then take a
 * {@link SynapseServer} parameter (test, constructor or lifecycle method) or call {@link #server()}.
 *
 * <p>One server per JVM, shared by all test classes: starting Synapse costs seconds, and tests stay
 * independent by registering their own users ({@link #uniqueLocalpart(String)}, {@link #registerUser(String)}).
 * It lives in the root context's store, which JUnit closes after the last test class, so the server stops
 * with the test run. A start failure is remembered and rethrown to every class: tests FAIL (never skip)
 * without each one waiting for the start-up timeout again.
 *
 * <p>On a failing test the Synapse log is copied into the reports dir as {@code synapse-<TestClass>.log}.
 */
public final class SynapseExtension
        implements BeforeAllCallback, ParameterResolver, TestWatcher, LifecycleMethodExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SynapseExtension.class);
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile SharedServer shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            server(context); // start here, so a start failure fails the class at once
        } catch (RuntimeException e) {
            copyLogs(context);
            throw e;
        }
    }

    /** The shared server, starting it on first use. */
    public static SynapseServer server(ExtensionContext context) {
        SharedServer s = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedServer.class, k -> SharedServer.start(), SharedServer.class);
        shared = s;
        return s.serverOrThrow();
    }

    /** The shared server, for code without an ExtensionContext (helpers, static fields set in @BeforeAll). */
    public static SynapseServer server() {
        SharedServer s = shared;
        if (s == null) {
            throw new IllegalStateException("No Synapse yet: annotate the test class with @ExtendWith(SynapseExtension.class)");
        }
        return s.serverOrThrow();
    }

    /**
     * A localpart no other test (or earlier run against the same data) uses, e.g. "citizen-7-k3x9".
     * Synapse allows only [a-z0-9._=/-] in localparts, so other characters become '-'.
     */
    public static String uniqueLocalpart(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._=-]", "-");
        return clean + "-" + COUNTER.incrementAndGet() + "-" + Long.toString(RANDOM.nextLong(36L * 36 * 36 * 36), 36);
    }

    /** Registers a fresh non-admin user on the shared server: unique localpart, random password, display name = prefix. */
    public static RegisteredUser registerUser(String prefix) {
        String password = "pw-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        return server().registerUser(uniqueLocalpart(prefix), password, prefix, false);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SynapseServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        copyLogs(context);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        copyLogs(context);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        copyLogs(context);
        throw throwable;
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        copyLogs(context);
        throw throwable;
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        copyLogs(context);
        throw throwable;
    }

    /** Copies homeserver.log (and the console output, which holds start-up errors) next to the surefire reports. */
    private static void copyLogs(ExtensionContext context) {
        SharedServer s = shared;
        if (s == null) {
            s = context.getRoot().getStore(NAMESPACE).get(SharedServer.class, SharedServer.class);
        }
        if (s == null) {
            return;
        }
        s.failed.set(true); // keep the work dir for inspection
        String testClass = context.getTestClass().map(Class::getSimpleName).orElse("unknown");
        Path reports = HarnessPaths.reportsDir();
        try {
            Files.createDirectories(reports);
            copyIfPresent(s.workDir.resolve("homeserver.log"), reports.resolve("synapse-" + testClass + ".log"));
            copyIfPresent(s.workDir.resolve("synapse-console.log"), reports.resolve("synapse-" + testClass + "-console.log"));
            copyIfPresent(s.workDir.resolve("install-synapse.log"), reports.resolve("synapse-" + testClass + "-install.log"));
        } catch (IOException e) {
            System.err.println("SynapseExtension: could not copy Synapse logs to " + reports + ": " + e);
        }
    }

    private static void copyIfPresent(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The per-JVM server (or why it could not start); JUnit closes it with the root context. */
    static final class SharedServer implements AutoCloseable {
        final Path workDir;
        final SynapseServer server;
        final RuntimeException failure;
        final AtomicBoolean failed = new AtomicBoolean();

        private SharedServer(Path workDir, SynapseServer server, RuntimeException failure) {
            this.workDir = workDir;
            this.server = server;
            this.failure = failure;
            if (failure != null) {
                failed.set(true);
            }
        }

        static SharedServer start() {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path workDir = HarnessPaths.srcTestDir().resolve("target").resolve("e2e-synapse")
                    .resolve(stamp + "-" + ProcessHandle.current().pid());
            try {
                SynapseServer server = SynapseServer.start(workDir);
                System.out.println("SynapseExtension: Synapse up at " + server.baseUrl() + " in "
                        + server.lastStartDuration().toMillis() + " ms (work dir " + workDir + ")");
                return new SharedServer(workDir, server, null);
            } catch (RuntimeException e) {
                return new SharedServer(workDir, null, e);
            }
        }

        SynapseServer serverOrThrow() {
            if (failure != null) {
                throw new HarnessException("The shared test Synapse could not be started (see cause; logs in "
                        + workDir + ")", failure);
            }
            return server;
        }

        @Override
        public void close() {
            if (server != null) {
                server.stop();
            }
            shared = null;
            if (!failed.get()) {
                deleteRecursively(workDir); // all green: nothing worth keeping
            }
        }

        private static void deleteRecursively(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("SynapseExtension: could not delete " + dir + ": " + e);
            }
        }
    }
}
