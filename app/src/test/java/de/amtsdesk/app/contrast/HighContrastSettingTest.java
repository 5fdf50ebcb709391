package de.amtsdesk.app.contrast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which source decides high contrast, with fake system probes (the real ones need Windows or GNOME). */
class HighContrastSettingTest {

    private static HighContrastProbe system(Optional<Boolean> answer) {
        return new HighContrastProbe() {
            @Override
            public Optional<Boolean> highContrastOn() {
                return answer;
            }

            @Override
            public String name() {
                return "fake system";
            }
        };
    }

    @Test
    void theOptionWinsAndTheSystemIsNotEvenAsked() {
        HighContrastProbe mustNotBeAsked = new HighContrastProbe() {
            @Override
            public Optional<Boolean> highContrastOn() {
                throw new AssertionError("asked although --high-contrast decided");
            }

            @Override
            public String name() {
                return "never";
            }
        };
        assertThat(HighContrastSetting.decide(true, mustNotBeAsked))
                .isEqualTo(new HighContrastSetting(true, "--high-contrast"));
    }

    @Test
    void withoutTheOptionTheSystemsSwitchDecidesEitherWay() {
        assertThat(HighContrastSetting.decide(false, system(Optional.of(true))))
                .isEqualTo(new HighContrastSetting(true, "fake system"));
        assertThat(HighContrastSetting.decide(false, system(Optional.of(false))))
                .isEqualTo(new HighContrastSetting(false, "fake system"));
    }

    @Test
    void aSystemThatCannotBeAskedMeansOff() {
        assertThat(HighContrastSetting.decide(false, system(Optional.empty())))
                .isEqualTo(new HighContrastSetting(false, "default"));
        assertThat(HighContrastSetting.decide(false, HighContrastProbe.NONE).on()).isFalse();
    }

    @Test
    void gnomeIsAskedWithGsettingsAndAShortTimeout() {
        List<List<String>> asked = new ArrayList<>();
        List<Duration> timeouts = new ArrayList<>();
        GnomeHighContrastProbe probe = new GnomeHighContrastProbe((command, timeout) -> {
            asked.add(command);
            timeouts.add(timeout);
            return Optional.of("true\n");
        });
        assertThat(probe.highContrastOn()).contains(true);
        assertThat(asked).containsExactly(List.of("gsettings", "get", "org.gnome.desktop.a11y.interface",
                "high-contrast"));
        assertThat(timeouts.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void gnomeAnswersOtherThanTrueOrFalseAndFailuresAreNoAnswer() {
        assertThat(new GnomeHighContrastProbe((c, t) -> Optional.of("false\n")).highContrastOn()).contains(false);
        assertThat(new GnomeHighContrastProbe((c, t) -> Optional.of("No such schema “org.gnome…”"))
                .highContrastOn()).isEmpty();
        assertThat(new GnomeHighContrastProbe((c, t) -> Optional.empty()).highContrastOn()).isEmpty();
    }

    @Test
    void aMissingToolFailsQuietly() {
        Optional<String> out = CommandRunner.process().run(List.of("amtsdesk-no-such-tool-4711"),
                Duration.ofMillis(500));
        assertThat(out).isEmpty();
    }

    @Test
    void aHangingToolIsStoppedAfterTheTimeout() {
        long start = System.nanoTime();
        Optional<String> out = CommandRunner.process().run(List.of("sleep", "10"), Duration.ofMillis(300));
        assertThat(out).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theRealGnomeProbeOnThisMachineAnswersOrIsSilentButNeverThrows() {
        // Build machines have no GNOME session: empty is the expected answer here, and the app then starts "off".
        assertThat(new GnomeHighContrastProbe(CommandRunner.process()).highContrastOn()).isNotNull();
    }

    @Test
    void eachSystemGetsItsProbe() {
        assertThat(HighContrastProbes.forSystem("Windows 11")).isInstanceOf(WindowsHighContrastProbe.class);
        assertThat(HighContrastProbes.forSystem("Linux")).isInstanceOf(GnomeHighContrastProbe.class);
        assertThat(HighContrastProbes.forSystem("Mac OS X")).isSameAs(HighContrastProbe.NONE);
    }

    /** The Windows call itself cannot run here (no user32); its flag test and structure layout can. */
    @Test
    void windowsFlagAndStructureLayout() {
        assertThat(WindowsHighContrastProbe.isOn(0x1)).isTrue();
        assertThat(WindowsHighContrastProbe.isOn(0x2 | 0x4 | 0x8)).isFalse(); // available, hotkey…, but not on
        assertThat(WindowsHighContrastProbe.isOn(0x7F)).isTrue();
        assertThat(WindowsHighContrastProbe.SPI_GETHIGHCONTRAST).isEqualTo(0x42);
        // HIGHCONTRASTW: UINT, DWORD, LPWSTR: 16 bytes on 64-bit Windows, 12 on 32-bit; the flags at offset 4.
        assertThat(WindowsHighContrastProbe.highContrastSize(8)).isEqualTo(16);
        assertThat(WindowsHighContrastProbe.highContrastSize(4)).isEqualTo(12);
        assertThat(WindowsHighContrastProbe.FLAGS_OFFSET).isEqualTo(4);
    }

    @Test
    void onLinuxTheWindowsProbeFailsQuietly() {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"));
        assertThat(new WindowsHighContrastProbe().highContrastOn()).isEmpty();
    }
}
