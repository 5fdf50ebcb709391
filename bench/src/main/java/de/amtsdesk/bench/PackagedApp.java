package de.amtsdesk.bench;

import de.amtsdesk.e2e.harness.HarnessPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged app's launcher on an Xvfb display, driven as a person would (the passphrase typed through the X server)
 * and read through its start-up probe's lines: what the benches of the packaged app share.
 */
final class PackagedApp {

    static final int DISPLAY = 87;
    static final String DISPLAY_NAME = ":" + DISPLAY;
    static final long STEP_TIMEOUT_SECONDS = 90;

    private PackagedApp() {
    }

    /** A new work directory bench/target/NAME-TIME; the harness finds src-test from here and logs into it. */
    static Path workDirectory(String name) throws IOException {
        Path work = Files.createDirectories(Path.of("bench/target/" + name + "-" + System.currentTimeMillis()))
                .toAbsolutePath();
        System.setProperty(HarnessPaths.SRC_TEST_DIR_PROPERTY, Path.of("src-test").toAbsolutePath().toString());
        System.setProperty(HarnessPaths.REPORTS_DIR_PROPERTY, work.resolve("logs").toString());
        return work;
    }

    /**
     * Runs a bench and exits: its report into {@code results} and onto the console and the work directory deleted,
     * or, when it fails, the work directory kept for its logs (exit code 1).
     */
    static void runAndExit(Path work, Path results, Callable<String> bench) {
        try {
            String report = bench.call();
            Files.writeString(results, report);
            System.out.print(report);
            WorkspaceSeed.deleteTree(work);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println("FAILED; work directory kept for the logs: " + work);
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * Lets the app end on its own within {@code seconds}, then asks it to (its own shutdown closes the stores), then
     * kills it; and waits for the reader of its output.
     */
    static void ended(Process app, long seconds, Thread reader) throws InterruptedException {
        if (!app.waitFor(seconds, TimeUnit.SECONDS)) {
            app.destroy();
            if (!app.waitFor(10, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
        reader.join(5_000);
    }

    /** An Xvfb server on {@link #DISPLAY}; wait for it with {@link #waitForDisplay()}. */
    /**
     * Fails unless the image's JVM takes its AOT cache: a cache whose jars were copied (new timestamps) or replaced is
     * ignored without a word (the image switches the JVM's AOT messages off), and the image would be measured as if it
     * had none — a comparison of 2026-12-06 with a copied image went wrong that way.
     */
    static void requireUsableAotCache(Path image) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(image.resolve("bin/Amtsdesk").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the AOT cache of " + image + " is not usable (-XX:AOTMode=on): "
                    + output.strip());
        }
    }

    static Process xvfb(Path log) throws IOException {
        return new ProcessBuilder("Xvfb", DISPLAY_NAME, "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void copyLines(Process app, LinkedBlockingQueue<String> lines, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(app.getInputStream(),
                StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("READ_FAILED " + e);
        }
    }

    /** Whether the app's log says the vault of this data directory refused the passphrase. */
    static boolean refusedIn(Path data) throws IOException {
        Path log = Path.of(System.getProperty("user.home"), ".amtsdesk", "logs", "amtsdesk.log");
        if (!Files.isRegularFile(log)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.anyMatch(line -> line.contains("vault in " + data + " refused the passphrase"));
        }
    }

    static String await(LinkedBlockingQueue<String> lines, String marker, Path log) throws Exception {
        return await(lines, marker, log, STEP_TIMEOUT_SECONDS);
    }

    static String await(LinkedBlockingQueue<String> lines, String marker, Path log, long seconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(marker)) {
                return line;
            }
        }
        throw new IllegalStateException("the app did not print " + marker + " within " + seconds
                + " s; its output: " + log);
    }

    static long value(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return Long.parseLong(part.substring(key.length() + 1));
            }
        }
        throw new IllegalStateException("no " + key + " in " + line);
    }

    /**
     * Types the passphrase into the unlock screen as a person would, and Enter: the passphrase field takes the focus
     * just after the window is shown, and nobody types faster than this.
     */
    static void typePassphrase(String passphrase) throws Exception {
        xdotool("search", "--sync", "--onlyvisible", "--name", "Amtsdesk", "windowfocus", "--sync");
        Thread.sleep(300);
        xdotool("type", "--delay", "10", passphrase);
        xdotool("key", "Return");
    }

    /** Reads the app's output into {@code lines} and into {@code log}, on a daemon thread. */
    static Thread readLines(Process app, LinkedBlockingQueue<String> lines, Path log) {
        return Thread.ofPlatform().daemon().start(() -> copyLines(app, lines, log));
    }

    /** CPU time (user + system) the process has used so far, from /proc (Linux; clock ticks of 10 ms). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** CPU time (ms) per thread of the process, by thread name (/proc/PID/task/TID/comm; threads of one name summed). */
    static java.util.Map<String, Long> cpuMillisByThread(long pid) throws IOException {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+$", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10, Long::sum);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return byName;
    }

    static void xdotool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", DISPLAY_NAME);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("xdotool " + String.join(" ", args) + " failed: " + output);
        }
    }

    static void waitForDisplay() throws InterruptedException {
        Path socket = Path.of("/tmp/.X11-unix/X" + DISPLAY);
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(socket)) {
            throw new IllegalStateException("Xvfb :" + DISPLAY + " did not start");
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
