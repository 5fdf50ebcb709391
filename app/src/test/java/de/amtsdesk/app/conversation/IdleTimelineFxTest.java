package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.IdleLayouts;
import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.app.a11y.Screens;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An open conversation nobody touches does no layout per frame. The timeline shows its newest entries, so it is
 * scrolled to its end, and its rows differ in height and style (the citizen's, the agency's; one line, several): the
 * shape of list in which JavaFX 21's VirtualFlow can keep laying itself out while it measures rows it does not show
 * (the queue did, see {@link de.amtsdesk.app.SteadyListSkin}). The timeline does not today: scrolling to the end
 * measures every row of the page at once. This test keeps it that way.
 */
@ExtendWith(ApplicationExtension.class)
class IdleTimelineFxTest {

    private static final String CITIZEN = "@erika:buerger.example";
    private static final String AGENCY = "@amt:amt.example";
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 900, 700));
        stage.getScene().getStylesheets().add(getClass().getResource("/de/amtsdesk/app/amtsdesk.css").toExternalForm());
        stage.show();
    }

    @Test
    void anOpenConversationLaysNothingOutWhileAnAnimationRuns(FxRobot robot) throws Exception {
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String body = ("Zeile " + i + " des Antrags auf Wohngeld, bitte prüfen. ").repeat(1 + i % 7);
            entries.add(new TimelineEntry("$m" + i, Screens.ROOM, i % 3 == 0 ? AGENCY : CITIZEN, T0.plusSeconds(i),
                    TimelineEntry.Kind.TEXT, body, null, null, null, null, null, MessageTrust.UNVERIFIED_IDENTITY));
        }
        Translations text = Screens.text(Locale.GERMAN);
        ConversationViewModel vm = new ConversationViewModel(Screens.ROOM, AGENCY,
                new StubConversations(entries, Map.of(CITIZEN, "Erika")), Runnable::run, Runnable::run, text,
                ZoneId.of("Europe/Berlin"));
        List<Parent> holder = new ArrayList<>();
        robot.interact(() -> {
            Parent root = new ViewLoader(text).load(ConversationView.class, () -> new ConversationView(vm));
            stage.getScene().setRoot(root);
            holder.add(root);
        });
        Map<String, AtomicInteger> layouts = IdleLayouts.count(robot, stage.getScene(), () -> { }, 300);

        @SuppressWarnings("unchecked")
        ListView<TimelineRow> timeline = (ListView<TimelineRow>) holder.get(0).lookup("#timeline");
        assertThat(timeline.getItems()).hasSize(ConversationViewModel.PAGE);
        assertThat(robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && n instanceof javafx.scene.control.ListCell<?> cell
                        && cell.getIndex() == ConversationViewModel.PAGE - 1).count())
                .as("the newest entry is shown").isEqualTo(1);
        assertThat(IdleLayouts.most(layouts))
                .as("layout requests of one node in 2 s of an idle conversation: %s", layouts)
                .isLessThanOrEqualTo(2);
    }
}
