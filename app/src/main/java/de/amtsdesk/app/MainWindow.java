package de.amtsdesk.app;

import de.amtsdesk.app.login.Authenticator;
import de.amtsdesk.app.login.LoginView;
import de.amtsdesk.app.login.LoginViewModel;
import de.amtsdesk.app.rooms.RoomListView;
import de.amtsdesk.app.rooms.RoomListViewModel;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.RoomDirectory;
import de.amtsdesk.core.matrix.RoomListSyncHandler;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.matrix.SyncService;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One application window and the objects that live as long as it: switches between login and the room list and
 * owns the sync loop of the signed-in session. Everything is passed in through constructors (no singletons).
 */
public final class MainWindow {

    private static final String STYLESHEET = MainWindow.class.getResource("amtsdesk.css").toExternalForm();

    private final Stage stage;
    private final AppOptions options;
    private final Translations text;
    private final ViewLoader views;
    private final FailureMessages messages;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private SyncService sync;

    public MainWindow(Stage stage, AppOptions options) {
        this.stage = stage;
        this.options = options;
        this.text = Translations.load("de.amtsdesk.app.messages", options.locale(), MainWindow.class.getClassLoader());
        this.views = new ViewLoader(text);
        this.messages = new FailureMessages(text);
    }

    public void show() {
        stage.setTitle(text.get("app.title"));
        stage.setScene(new Scene(loginScreen(""), 960, 640));
        stage.getScene().getStylesheets().add(STYLESHEET);
        stage.setOnHidden(event -> close());
        stage.setOnShown(event -> StartupProbe.loginScreenShown());
        stage.show();
    }

    private Parent loginScreen(String message) {
        LoginViewModel viewModel = new LoginViewModel(authenticator(), background, UiThread.fx(), messages,
                this::showRooms);
        options.homeserver().ifPresent(viewModel.homeserverProperty()::set);
        options.user().ifPresent(viewModel.userProperty()::set);
        options.password().ifPresent(viewModel.passwordProperty()::set);
        viewModel.showMessage(message);
        return views.load(LoginView.class, () -> new LoginView(viewModel));
    }

    private static Authenticator authenticator() {
        return (homeserver, user, password) -> {
            MatrixClient client = new MatrixClient(homeserver);
            // Ask for the versions first: it tells "not a homeserver" apart from "wrong password".
            client.versions();
            return client.login(user, password, null, "Amtsdesk");
        };
    }

    private void showRooms(Session session) {
        RoomListViewModel viewModel = new RoomListViewModel(session.userId(), UiThread.fx(), text, messages,
                ZoneId.systemDefault(), this::backToLogin);
        stage.getScene().setRoot(views.load(RoomListView.class, () -> new RoomListView(viewModel, null, null)));
        MatrixClient client = new MatrixClient(session.homeserver());
        sync = new SyncService(client, session, null, new RoomListSyncHandler(client, session,
                new RoomDirectory(session.userId(), Clock.systemUTC()), true, viewModel, roomId -> ""), viewModel);
        sync.start();
    }

    private void backToLogin(String message) {
        stopSync();
        stage.getScene().setRoot(loginScreen(message));
    }

    private void stopSync() {
        if (sync != null) {
            sync.close();
            sync = null;
        }
    }

    public void close() {
        stopSync();
        background.shutdownNow();
    }
}
