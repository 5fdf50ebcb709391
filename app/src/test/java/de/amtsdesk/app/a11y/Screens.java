package de.amtsdesk.app.a11y;

import de.amtsdesk.app.FailureMessages;
import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.app.conversation.ConversationView;
import de.amtsdesk.app.conversation.ConversationViewModel;
import de.amtsdesk.app.conversation.StubConversations;
import de.amtsdesk.app.login.LoginView;
import de.amtsdesk.app.login.LoginViewModel;
import de.amtsdesk.app.rooms.OpenConversation;
import de.amtsdesk.app.rooms.RoomListView;
import de.amtsdesk.app.rooms.RoomListViewModel;
import de.amtsdesk.app.unlock.PassphraseCheck;
import de.amtsdesk.app.unlock.UnlockView;
import de.amtsdesk.app.unlock.UnlockViewModel;
import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.RoomSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Parent;

/** The app's screens as the window shows them, with stand-ins for store and server, for screen-wide tests. */
public final class Screens {

    public static final String ROOM = "!antrag:amt.example";
    static final String AGENCY = "@amt:amt.example";
    static final String CITIZEN = "@erika:buerger.example";

    private Screens() {
    }

    public static Translations text(Locale locale) {
        return Translations.load("de.amtsdesk.app.messages", locale, Screens.class.getClassLoader());
    }

    public static Parent unlock(Locale locale, UnlockViewModel.Mode mode) {
        Translations text = text(locale);
        UnlockViewModel vm = new UnlockViewModel(mode, passphrase -> PassphraseCheck.Outcome.WRONG_PASSPHRASE,
                Runnable::run, Runnable::run, text, (delay, tick) -> { }, () -> { });
        return new ViewLoader(text).load(UnlockView.class, () -> new UnlockView(vm));
    }

    public static Parent login(Locale locale) {
        return login(locale, false);
    }

    /**
     * With {@code locked} the homeserver and the functional account come from an admin policy: read-only fields and
     * their hints.
     */
    public static Parent login(Locale locale, boolean locked) {
        Translations text = text(locale);
        LoginViewModel vm = new LoginViewModel((homeserver, user, password) -> null, (homeserver, user) -> null,
                Runnable::run, Runnable::run, new FailureMessages(text), session -> { });
        if (locked) {
            vm.lockHomeserver("https://matrix.amt.example");
            vm.lockUser("@buergerbuero:amt.example");
        }
        return new ViewLoader(text).load(LoginView.class, () -> new LoginView(vm));
    }

    /** The room list with two rooms; selecting one opens its conversation (a file from the citizen, a failed reply). */
    public static Parent roomsAndConversation(Locale locale, StubConversations engine, List<String> opened) {
        Translations text = text(locale);
        RoomListViewModel rooms = new RoomListViewModel(AGENCY, Runnable::run, text, new FailureMessages(text),
                ZoneId.of("Europe/Berlin"), reason -> { });
        rooms.roomsChanged(List.of(
                new RoomSummary(ROOM, "Erika Mustermann", Instant.parse("2026-12-01T09:06:00Z"), true,
                        RoomSummary.Membership.JOINED, "Antwort"),
                new RoomSummary("!zwei:amt.example", "Max Meier", Instant.parse("2026-11-30T09:06:00Z"), true,
                        RoomSummary.Membership.JOINED, "Danke")));
        ViewLoader views = new ViewLoader(text);
        return views.load(RoomListView.class, () -> new RoomListView(rooms, roomId -> {
            opened.add(roomId);
            ConversationViewModel vm = new ConversationViewModel(roomId, AGENCY, engine, Runnable::run, Runnable::run,
                    text, ZoneId.of("Europe/Berlin"));
            return new OpenConversation(views.load(ConversationView.class, () -> new ConversationView(vm)),
                    vm::dispose);
        }, () -> { }, text));
    }

    public static StubConversations conversationWithFileAndFailedReply() {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry("$text", ROOM, CITIZEN, Instant.parse("2026-12-01T09:04:00Z"),
                TimelineEntry.Kind.TEXT, "Mein Antrag", null, null, null, null, null,
                MessageTrust.UNVERIFIED_IDENTITY));
        entries.add(new TimelineEntry("$file", ROOM, CITIZEN, Instant.parse("2026-12-01T09:05:00Z"),
                TimelineEntry.Kind.FILE, "", new Attachment("antrag.pdf", "application/pdf", 10, null, null), null,
                null, null, null, MessageTrust.UNVERIFIED_IDENTITY));
        entries.add(new TimelineEntry("txn1", ROOM, AGENCY, Instant.parse("2026-12-01T09:06:00Z"),
                TimelineEntry.Kind.TEXT, "Antwort", null, null, null, TimelineEntry.SendState.FAILED, "M_FORBIDDEN",
                MessageTrust.OWN_DEVICE));
        return new StubConversations(entries, Map.of(CITIZEN, "Erika"));
    }
}
