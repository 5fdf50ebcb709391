package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.StableRobot;
import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real conversation view (FXML, cells, style sheet) showing trust markers, headless. */
@ExtendWith(ApplicationExtension.class)
class ConversationTrustFxTest {

    private static final String ROOM = "!antrag:amt.example";
    private static final String AGENCY = "@amt:amt.example";
    private static final String CITIZEN = "@erika:buerger.example";

    @Start
    void start(Stage stage) {
        List<TimelineEntry> entries = new ArrayList<>();
        Instant at = Instant.parse("2026-12-01T09:05:00Z");
        entries.add(new TimelineEntry("$normal", ROOM, CITIZEN, at, TimelineEntry.Kind.TEXT, "Mein Antrag", null, null,
                null, null, null, MessageTrust.UNVERIFIED_IDENTITY));
        entries.add(new TimelineEntry("$klar", ROOM, CITIZEN, at, TimelineEntry.Kind.TEXT, "Neue Kontonummer", null,
                null, null, null, null, MessageTrust.UNENCRYPTED));
        entries.add(new TimelineEntry("$geprueft", ROOM, CITIZEN, at, TimelineEntry.Kind.TEXT, "Verifiziert", null,
                null, null, null, null, MessageTrust.VERIFIED));
        entries.add(new TimelineEntry("$geraet", ROOM, CITIZEN, at, TimelineEntry.Kind.TEXT, "Von einem neuen Gerät",
                null, null, null, null, null, MessageTrust.UNKNOWN_DEVICE));
        entries.add(new TimelineEntry("$selbst", ROOM, AGENCY, at, TimelineEntry.Kind.TEXT, "Antwort", null, null,
                null, TimelineEntry.SendState.SENT, null, MessageTrust.OWN_DEVICE));
        Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN, getClass().getClassLoader());
        ConversationViewModel viewModel = new ConversationViewModel(ROOM, AGENCY,
                new StubConversations(entries, Map.of(CITIZEN, "Erika")), Runnable::run, Runnable::run, text,
                ZoneId.of("Europe/Berlin"));
        Scene scene = new Scene(new ViewLoader(text).load(ConversationView.class,
                () -> new ConversationView(viewModel)), 800, 600);
        scene.getStylesheets().add(getClass().getResource("/de/amtsdesk/app/amtsdesk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static Optional<ListCell<?>> cellOf(FxRobot robot, String id) {
        return robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getItem() instanceof TimelineRow row && row.id().equals(id))
                .<ListCell<?>>map(cell -> cell)
                .findFirst();
    }

    private static Label markerOf(ListCell<?> cell) {
        return (Label) ((Node) cell.getGraphic()).lookup("#trustMarker");
    }

    @Test
    void markersTooltipsAndSpokenTextFollowTheTrust(FxRobot robot) {
        ListCell<?> warned = StableRobot.settled(robot, r -> cellOf(r, "$klar").orElseThrow());
        Label marker = markerOf(warned);
        assertThat(marker.isVisible()).isTrue();
        assertThat(marker.getText()).isEqualTo("⚠ Unverschlüsselt");
        assertThat(marker.getStyleClass()).contains("trust-warning");
        assertThat(marker.getTooltip().getText()).startsWith("Unverschlüsselt in einem verschlüsselten Raum: ");
        assertThat(warned.getAccessibleText()).startsWith("Erika, 01.12.2026, 10:05: Neue Kontonummer. "
                + "Unverschlüsselt in einem verschlüsselten Raum: ");

        ListCell<?> usual = StableRobot.settled(robot, r -> cellOf(r, "$normal").orElseThrow());
        assertThat(markerOf(usual).getText()).isEqualTo("i");
        assertThat(markerOf(usual).getStyleClass()).contains("trust-info");
        assertThat(markerOf(usual).getTooltip().getText()).startsWith("Identität nicht verifiziert: ");

        ListCell<?> own = StableRobot.settled(robot, r -> cellOf(r, "$selbst").orElseThrow());
        assertThat(markerOf(own).isVisible()).isFalse();
        assertThat(markerOf(own).getTooltip()).isNull();
        Label ownSender = (Label) ((Node) own.getGraphic()).lookup("#entrySender");
        assertThat(ownSender.getText()).isEqualTo("Behörde (Sie)");
        assertThat(ownSender.getStyleClass()).as("the agency badge, which no display name can get").contains("badge-own");
        Label citizenSender = (Label) ((Node) usual.getGraphic()).lookup("#entrySender");
        assertThat(citizenSender.getStyleClass()).doesNotContain("badge-own");
        assertThat(own.getAccessibleText()).isEqualTo("Behörde (Sie), 01.12.2026, 10:05: Antwort gesendet");
    }
}
