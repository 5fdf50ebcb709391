/**
 * Jazzer fuzz targets for code that reads untrusted input. (The staff-log target sits in
 * {@code de.amtsdesk.core.cases} because its parser is package-private.)
 *
 * <p>A plain {@code mvn test} replays each target's seeds in {@code src/test/resources/<package>/<Class>Inputs/
 * <method>/}, including every crashing input found so far. To fuzz one target for real:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -o -pl core -am test -Dtest=PollFuzzTest -Djunit.jupiter.execution.timeout.mode=disabled
 * </pre>
 * Each target carries {@code @Timeout(10 s, SEPARATE_THREAD)}. Jazzer turns it into libFuzzer's per-input
 * {@code -timeout}, so a hang while fuzzing becomes a {@code timeout-*} finding; JUnit's own enforcement must be
 * switched off for the fuzzing run (the property above), or it would end the whole multi-minute run after 10 s.
 * In plain test runs the separate thread lets a hanging seed fail after 10 s instead of blocking the build.
 * Findings are written into the Inputs folder as {@code crash-*} / {@code timeout-*}; libFuzzer's working corpus
 * goes to {@code core/.cifuzz-corpus/}, which is not committed.
 */
package de.amtsdesk.core.fuzz;
