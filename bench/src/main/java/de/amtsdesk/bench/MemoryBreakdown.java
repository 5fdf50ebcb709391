package de.amtsdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the resident memory of a running app process goes (issue 11, RSS goal): the kernel's view (anonymous vs.
 * file-backed pages, the largest mappings by resident size) next to the JVM's own (native memory tracking, heap,
 * the classes with the most bytes on the heap). Memory that the JVM does not account for is what the native
 * libraries (GTK, the Rust crypto stores, glibc's malloc arenas) hold.
 */
final class MemoryBreakdown {

    private static final int TOP_MAPPINGS = 15;
    private static final int TOP_CLASSES = 20;

    private MemoryBreakdown() {
    }

    static String of(long pid) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        out.append("### /proc status\n");
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.matches("^(VmRSS|VmHWM|RssAnon|RssFile|RssShmem|Threads):.*")) {
                out.append(line.replaceAll("\\s+", " ")).append('\n');
            }
        }
        out.append("### largest mappings by resident size (kB)\n");
        largestMappings(pid).forEach((name, kb) -> out.append(String.format(Locale.ROOT, "%8d %s%n", kb, name)));
        out.append("### JVM native memory tracking (MB)\n")
                .append(keep(jcmd(pid, "VM.native_memory", "summary", "scale=MB"), MemoryBreakdown::nmtLine));
        out.append("### heap\n").append(jcmd(pid, "GC.heap_info"));
        String histogram = jcmd(pid, "GC.class_histogram");
        out.append("### classes with the most bytes on the heap (after a full GC)\n");
        histogram.lines().skip(1).limit(TOP_CLASSES + 2L).forEach(line -> out.append(line).append('\n'));
        histogram.lines().filter(line -> line.startsWith("Total")).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** A kB field of {@code /proc/PID/status} (VmRSS, VmHWM, …); -1 when the process does not report it. */
    static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static boolean nmtLine(String line) {
        String t = line.trim();
        return t.startsWith("Total") || t.startsWith("-") && t.contains("reserved") || t.startsWith("(mmap: ")
                || t.startsWith("(malloc=");
    }

    private static String keep(String text, java.util.function.Predicate<String> wanted) {
        StringBuilder out = new StringBuilder();
        text.lines().filter(wanted).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** Resident kB per mapped file (anonymous mappings as one "[anonymous]" entry), largest first. */
    private static Map<String, Long> largestMappings(long pid) throws IOException {
        Map<String, Long> byName = new LinkedHashMap<>();
        String current = "[anonymous]";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] parts = line.trim().split("\\s+", 6);
                current = parts.length == 6 ? parts[5] : "[anonymous]";
            } else if (line.startsWith("Rss:")) {
                byName.merge(current, Long.parseLong(line.replaceAll("[^0-9]", "")), Long::sum);
            }
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(byName.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        Map<String, Long> top = new LinkedHashMap<>();
        sorted.stream().limit(TOP_MAPPINGS).forEach(e -> top.put(e.getKey(), e.getValue()));
        long rest = sorted.stream().skip(TOP_MAPPINGS).mapToLong(Map.Entry::getValue).sum();
        top.put("(all others)", rest);
        return top;
    }

    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "(jcmd " + String.join(" ", command) + " did not answer)\n";
        }
        return output;
    }
}
