package de.amtsdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * App start to login screen: starts the real app as a fresh JVM N times (default 5), waits for the login window
 * to be shown (the app's start-up probe prints a marker and quits) and reports the median wall time from process
 * spawn. Results go to bench/results/startup.txt. Headless Monocle by default; {@code --display} uses $DISPLAY.
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        boolean realDisplay = false;
        Path results = Path.of("bench/results/startup.txt");
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring(7));
            } else if (arg.equals("--display")) {
                realDisplay = true;
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            }
        }
        String classpath = System.getProperty("java.class.path");
        List<Long> spawnToLogin = new ArrayList<>();
        List<Long> jvmToLogin = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long[] run = runOnce(classpath, realDisplay);
            spawnToLogin.add(run[0]);
            jvmToLogin.add(run[1]);
            System.out.printf("run %d: %d ms from spawn, %d ms from JVM start%n", i + 1, run[0], run[1]);
        }
        String report = String.format("""
                # Amtsdesk start-up to the first screen: unlock (then login) (%s)
                date: %s
                java: %s %s
                glass: %s
                runs: %d
                spawn-to-first-screen-ms: %s
                spawn-to-first-screen-median-ms: %d
                jvm-start-to-first-screen-median-ms: %d
                """, StartupBench.class.getSimpleName(), Instant.now(), System.getProperty("java.vendor"),
                System.getProperty("java.version"), realDisplay ? "gtk ($DISPLAY)" : "monocle headless", runs,
                spawnToLogin, BenchMachine.median(spawnToLogin), BenchMachine.median(jvmToLogin));
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report);
        System.out.print(report);
    }

    private static long[] runOnce(String classpath, boolean realDisplay) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-Damtsdesk.startupProbe=true", "-Dprism.order=sw"));
        if (!realDisplay) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless"));
        }
        command.addAll(List.of("-cp", classpath, "de.amtsdesk.app.Launcher", "--lang=de"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("AMTSDESK_LOGIN_SHOWN")) {
                    long spawnMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    long jvmMillis = Long.parseLong(line.replaceAll(".*sinceJvmStartMillis=(\\d+).*", "$1"));
                    process.waitFor(30, TimeUnit.SECONDS);
                    return new long[] {spawnMillis, jvmMillis};
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the app ended without showing the login screen (exit "
                + process.waitFor() + ")");
    }

}
