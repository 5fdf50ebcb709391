package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A text too long for its room ends in "…" and fits; a text that fits, or an unknown room, shows it whole. */
@ExtendWith(ApplicationExtension.class)
class PlainTextFitFxTest {

    private final Text text = new Text();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(text), 300, 100));
        stage.show();
    }

    private String fit(String full, double room) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            PlainText.fit(text, full, room);
            assertThat(text.getLayoutBounds().getWidth()).as("%s in %s", text.getText(), room)
                    .isLessThanOrEqualTo(Math.max(room, width("…")));
            return text.getText();
        }).get();
    }

    private double width(String s) {
        Text probe = new Text(s);
        probe.setFont(text.getFont());
        return probe.getLayoutBounds().getWidth();
    }

    @Test
    void longTextsEndInAnEllipsisAndFit() throws Exception {
        String name = "Maximiliane Musterfrau-Obermeier";
        double room = WaitForAsyncUtils.asyncFx(() -> width("Maximiliane Muster")).get();
        String shown = fit(name, room);
        assertThat(shown).endsWith("…").startsWith("Maximiliane Mu").hasSizeLessThan(name.length());
        for (double narrower = room; narrower > 20; narrower -= 7) {
            double limit = narrower;
            int best = WaitForAsyncUtils.asyncFx(() -> {
                int longest = 0; // by trying every beginning
                for (int n = 1; n < name.length(); n++) {
                    if (width(name.substring(0, n).stripTrailing() + "…") <= limit) {
                        longest = name.substring(0, n).stripTrailing().length();
                    }
                }
                return longest;
            }).get();
            assertThat(fit(name, limit).length() - 1).as("as long as fits, or one letter less, in %s", limit)
                    .isBetween(best - 1, best);
        }
        assertThat(fit(name, 1000)).isEqualTo(name);
        assertThat(fit(name, 0)).as("no room at all").isEqualTo("…");
        assertThat(fit(name, 1)).isEqualTo("…");
    }

    @Test
    void neverCutsACharacterInTwo() throws Exception {
        String name = "Jon Doe \ud83d\ude00\ud83d\ude00\ud83d\ude00 e\u0301e\u0301e\u0301";
        for (double room = 5; room < 200; room += 3) {
            String shown = fit(name, room);
            String kept = shown.endsWith("…") ? shown.substring(0, shown.length() - 1) : shown;
            assertThat(name).startsWith(kept);
            assertThat(Character.isHighSurrogate(kept.isEmpty() ? 'a' : kept.charAt(kept.length() - 1)))
                    .as("no half emoji in %s", shown).isFalse();
            assertThat(name.substring(kept.length()).startsWith("\u0301")).as("no accent cut off in %s", shown)
                    .isFalse();
        }
    }
}
