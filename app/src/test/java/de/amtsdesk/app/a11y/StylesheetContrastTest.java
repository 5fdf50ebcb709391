package de.amtsdesk.app.a11y;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StylesheetContrastTest {

    private static URL sheet(String name) {
        return StylesheetContrastTest.class.getResource("/de/amtsdesk/app/" + name);
    }

    @Test
    void theBaseStyleKeepsTextAt45To1AndFocusAt3To1() {
        assertThat(StylesheetContrast.problems(sheet("amtsdesk.css"))).isEmpty();
    }

    @Test
    void theHighContrastStyleToo() {
        assertThat(StylesheetContrast.problems(sheet("amtsdesk-high-contrast.css"))).isEmpty();
    }

    @Test
    void textFillsAndInnerBackgroundsAreCheckedToo(@TempDir Path dir) throws Exception {
        // Text nodes use -fx-fill; a ListView's cells sit on its -fx-control-inner-background (the internal notes).
        Path css = Files.writeString(dir.resolve("amber.css"), """
                .root { -fx-base: #f4f6f8; -fx-focus-color: #0b4f8a; }
                .internal-notes { -fx-control-inner-background: #ffd54f; }
                .search-text { -fx-fill: #9e9e9e; }
                """);
        assertThat(StylesheetContrast.problems(css.toUri().toURL()))
                .anySatisfy(p -> assertThat(p).startsWith(".search-text #9e9e9e on .internal-notes #ffd54f"));
    }

    @Test
    void luminanceFollowsWcag() {
        assertThat(StylesheetContrast.ratio("#000000", "#ffffff")).isCloseTo(21.0, within(0.01));
        assertThat(StylesheetContrast.ratio("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
    }

    @Test
    void theCheckFindsGreyOnDarkBlue(@TempDir Path dir) throws Exception {
        // The defect this check was written for: the selected row's grey preview on the dark blue selection bar.
        Path css = Files.writeString(dir.resolve("bad.css"), """
                .root { -fx-base: #f4f6f8; -fx-selection-bar: #0b4f8a; -fx-focus-color: #0b4f8a; }
                .room-preview { -fx-text-fill: #3d4d5c; }
                """);
        assertThat(StylesheetContrast.problems(css.toUri().toURL()))
                .anySatisfy(p -> assertThat(p).startsWith(".room-preview #3d4d5c on .root -fx-selection-bar #0b4f8a"));
    }
}
