package de.amtsdesk.app;

import de.amtsdesk.app.backup.KeyBackupDialog;
import de.amtsdesk.app.contrast.HighContrastSetting;
import de.amtsdesk.app.conversation.ConversationView;
import de.amtsdesk.app.conversation.ConversationViewModel;
import de.amtsdesk.app.conversation.OpenedAttachments;
import de.amtsdesk.app.conversation.SystemOpener;
import de.amtsdesk.app.login.Authenticator;
import de.amtsdesk.app.login.HomeserverLocator;
import de.amtsdesk.app.login.LoginView;
import de.amtsdesk.app.login.LoginViewModel;
import de.amtsdesk.app.rooms.RoomListViewModel;
import de.amtsdesk.app.rooms.OpenConversation;
import de.amtsdesk.app.unlock.Countdown;
import de.amtsdesk.app.unlock.PassphraseCheck;
import de.amtsdesk.app.unlock.UnlockView;
import de.amtsdesk.app.unlock.UnlockViewModel;
import de.amtsdesk.app.staff.StaffSignInView;
import de.amtsdesk.app.staff.StaffSignInViewModel;
import de.amtsdesk.app.workspace.CaseOpener;
import de.amtsdesk.app.workspace.IdleLock;
import de.amtsdesk.core.policy.EffectivePolicy;
import de.amtsdesk.core.policy.PolicyKey;
import de.amtsdesk.core.policy.PolicyLoader;
import de.amtsdesk.app.workspace.StaffCaseDesk;
import de.amtsdesk.app.workspace.WorkspaceScreen;
import de.amtsdesk.app.workspace.WorkspaceViewModel;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.RoomSummary;
import de.amtsdesk.core.matrix.SyncListener;
import de.amtsdesk.core.staff.CitizenRooms;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.core.store.SettingsRepository;
import java.util.List;
import java.util.Optional;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.HeapCompaction;
import de.amtsdesk.core.engine.UnlockThrottledException;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.store.StoredAccount;
import de.amtsdesk.core.store.Vault;
import de.amtsdesk.core.store.WrongPassphraseException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One application window and what lives as long as it: unlock → login (when needed) → workspace. Owns the unlocked
 * workstation and its engine. Everything is passed in through constructors (no singletons).
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private static final String STYLESHEET = MainWindow.class.getResource("amtsdesk.css").toExternalForm();
    /** Added after the base style with {@code --high-contrast} or the system's switch: overrides colours only. */
    private static final String HIGH_CONTRAST =
            MainWindow.class.getResource("amtsdesk-high-contrast.css").toExternalForm();

    private final Stage stage;
    private final AppOptions options;
    private final Prefill prefill;
    private final Translations text;
    private final ViewLoader views;
    private final FailureMessages messages;
    /**
     * Work started from the window (unlock, login, backup, attachments) calls native crypto; on virtual threads those
     * JNI calls would pin the carriers. A small, bounded pool of platform threads instead.
     */
    private final ExecutorService background = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().daemon().name("amtsdesk-background-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("unlock-countdown").factory());
    private volatile Workstation workstation;
    /** The way from the passphrase to the workspace, logged once it is shown; null when a sign-in form came between. */
    private volatile OpeningTimeline opening;
    private WorkspaceScreen workspace;
    private java.util.concurrent.ScheduledFuture<?> idleCheck;
    private final StaffPrefill staffPrefill;
    /** The admin's locked settings (registry, policy.json), read once at start; warnings are logged by the loader. */
    private final EffectivePolicy policy;
    /** Gives back the heap a large catch-up sync grew (issue 11); a small one leaves it alone. */
    private final HeapCompaction heapCompaction = HeapCompaction.ofThisJvm();
    /** Decrypted attachments opened with the system's program: deleted on lock, sign-out and exit. */
    private final OpenedAttachments openedAttachments = new OpenedAttachments();
    /** The unit code new workstations start with, until the unit's policy event names its own. */
    private static final String UNIT_CODE = "AMT";

    public MainWindow(Stage stage, AppOptions options) {
        this(stage, options, Prefill.NONE);
    }

    /** With secrets typed in ahead: only the demo launcher and tests pass anything but {@link Prefill#NONE}. */
    public MainWindow(Stage stage, AppOptions options, Prefill prefill) {
        this(stage, options, prefill, StaffPrefill.NONE);
    }

    /** With the caseworker's own sign-in typed in ahead as well (demo and UI tests only). */
    public MainWindow(Stage stage, AppOptions options, Prefill prefill, StaffPrefill staffPrefill) {
        this(stage, options, prefill, staffPrefill, PolicyLoader.forThisMachine());
    }

    /** With the admin policy already read (the launcher applied its log and proxy settings before JavaFX started). */
    public MainWindow(Stage stage, AppOptions options, Prefill prefill, StaffPrefill staffPrefill,
            EffectivePolicy policy) {
        this.staffPrefill = staffPrefill;
        this.stage = stage;
        this.options = options;
        this.prefill = prefill;
        this.text = Translations.load("de.amtsdesk.app.messages", options.locale(), MainWindow.class.getClassLoader());
        this.views = new ViewLoader(text);
        this.messages = new FailureMessages(text);
        this.policy = policy;
    }

    public void show() {
        new UnexpectedErrors(text, () -> stage).installOnFxThread();
        stage.setTitle(text.get("app.title"));
        stage.setScene(new Scene(unlockScreen(), 1100, 720));
        stage.getScene().getStylesheets().add(STYLESHEET);
        if (options.highContrast()) {
            stage.getScene().getStylesheets().add(HIGH_CONTRAST);
        }
        followSystemContrast();
        stage.setOnHidden(event -> close());
        stage.setOnShown(event -> StartupProbe.loginScreenShown(stage.getScene()));
        stage.show();
        // While the passphrase is typed (once the window is up): the unlock derives its key in the native library
        // (ADR 0025), which is extracted and loaded here.
        background.execute(Vault::prepareUnlock);
    }

    /**
     * Without {@code --high-contrast} the system's own switch decides (Windows contrast themes, GNOME). Asked off the
     * FX thread, as GNOME's answer comes from a process: the window does not wait for it, the sheet follows at once.
     */
    private void followSystemContrast() {
        background.execute(() -> {
            HighContrastSetting setting = HighContrastSetting.forThisMachine(options.highContrast());
            if (setting.on() && !options.highContrast()) {
                UiThread.fx().execute(() -> {
                    var sheets = stage.getScene().getStylesheets();
                    if (!sheets.contains(HIGH_CONTRAST)) {
                        sheets.add(HIGH_CONTRAST);
                    }
                });
            }
        });
    }

    private Parent unlockScreen() {
        boolean exists = Workstation.exists(options.dataDir());
        PassphraseCheck check = new PassphraseCheck() {
            @Override
            public Outcome apply(char[] passphrase) {
                return openWorkstation(passphrase);
            }

            @Override
            public Duration waitBeforeNextAttempt() {
                return Workstation.exists(options.dataDir())
                        ? Workstation.unlockWait(options.dataDir(), Clock.systemUTC()) : Duration.ZERO;
            }
        };
        Countdown countdown = (delay, tick) -> timer.schedule(() -> UiThread.fx().execute(tick), delay.toMillis(),
                TimeUnit.MILLISECONDS);
        UnlockViewModel viewModel = new UnlockViewModel(exists ? UnlockViewModel.Mode.UNLOCK
                : UnlockViewModel.Mode.CREATE, check, background, UiThread.fx(), text, countdown, this::afterUnlock);
        prefill.passphrase().ifPresent(p -> {
            viewModel.passphraseProperty().set(p);
            viewModel.confirmationProperty().set(p);
        });
        return views.load(UnlockView.class, () -> new UnlockView(viewModel));
    }

    private PassphraseCheck.Outcome openWorkstation(char[] passphrase) {
        try {
            OpeningTimeline timeline = OpeningTimeline.startNow();
            workstation = Workstation.exists(options.dataDir()) ? Workstation.unlock(options.dataDir(), passphrase)
                    : Workstation.create(options.dataDir(), passphrase);
            timeline.reached("vault and databases");
            opening = timeline;
            return PassphraseCheck.Outcome.UNLOCKED;
        } catch (WrongPassphraseException e) {
            return PassphraseCheck.Outcome.WRONG_PASSPHRASE;
        } catch (UnlockThrottledException e) {
            return PassphraseCheck.Outcome.THROTTLED;
        } catch (Exception e) {
            LOG.warn("local store not opened: {}", e.getMessage());
            return PassphraseCheck.Outcome.STORE_DAMAGED;
        }
    }

    private void afterUnlock() {
        workstation.storedSession().ifPresentOrElse(this::showWorkspace, () -> showLogin(""));
    }

    private void showLogin(String message) {
        opening = null;
        LoginViewModel viewModel = new LoginViewModel(authenticator(), HomeserverLocator.discovery(), background,
                UiThread.fx(), messages, this::showWorkspace);
        var account = workstation.account();
        options.homeserver().or(() -> account.map(StoredAccount::homeserver))
                .ifPresent(viewModel.homeserverProperty()::set);
        options.user().or(() -> account.map(StoredAccount::userId)).ifPresent(viewModel.userProperty()::set);
        prefill.password().ifPresent(viewModel.passwordProperty()::set);
        // The policy wins over options and the stored account; the field shows it locked.
        policy.homeserver().ifPresent(viewModel::lockHomeserver);
        policy.functionalAccount().ifPresent(viewModel::lockUser);
        viewModel.showMessage(message);
        stage.getScene().setRoot(views.load(LoginView.class, () -> new LoginView(viewModel)));
    }

    private Authenticator authenticator() {
        return (homeserver, user, password) -> workstation.login(homeserver, user, password);
    }

    /**
     * The agency account is signed in. The caseworker's own account comes next (once per workstation profile), then
     * the workspace. Opening the staff profile reads its database: done off the FX thread.
     */
    private void showWorkspace(Session session) {
        background.execute(() -> {
            try {
                Workstation staffWs = workstation.staffProfile();
                reached("staff profile");
                Optional<Session> staffSession = staffWs.storedSession();
                Optional<String> room = staffWs.database().settings().get(SettingsRepository.STAFF_ROOM);
                if (staffSession.isPresent() && room.isPresent()) {
                    openWorkspace(session, staffWs, staffSession.get(), room.get());
                } else {
                    UiThread.fx().execute(() -> showStaffSignIn(session, staffWs, ""));
                }
            } catch (Exception e) {
                LOG.error("staff profile not opened", e);
                UiThread.fx().execute(() -> showLogin(text.get("staff.failed", LogLocation.directory())));
            }
        });
    }

    private void showStaffSignIn(Session agency, Workstation staffWs, String message) {
        opening = null;
        StaffSignInViewModel viewModel = new StaffSignInViewModel((user, password, room) -> {
            staffWs.login(agency.homeserver(), user, password);
            staffWs.database().settings().put(SettingsRepository.STAFF_ROOM, room);
        }, background, UiThread.fx(), messages, text, () -> showWorkspace(agency));
        staffPrefill.user().ifPresent(viewModel.userProperty()::set);
        staffPrefill.password().ifPresent(viewModel.passwordProperty()::set);
        staffPrefill.staffRoom().ifPresent(viewModel.staffRoomProperty()::set);
        staffWs.account().map(StoredAccount::userId).ifPresent(viewModel.userProperty()::set);
        staffWs.database().settings().get(SettingsRepository.STAFF_ROOM).ifPresent(viewModel.staffRoomProperty()::set);
        viewModel.showMessage(message);
        stage.getScene().setRoot(views.load(StaffSignInView.class, () -> new StaffSignInView(viewModel,
                text.get("staff.intro", agency.userId()))));
    }

    /** Runs on a background thread: engines and the staff client make JNI calls. */
    private void openWorkspace(Session session, Workstation staffWs, Session staffSession, String staffRoom) {
        RoomListViewModel rooms = new RoomListViewModel(session.userId(), UiThread.fx(), text, messages,
                ZoneId.systemDefault(), this::sessionEnded);
        String noMessage = text.get("rooms.preview.none");
        StartupProbe.agencyRoomsListed(rooms.rooms(), row -> !row.preview().equals(noMessage));
        boolean firstStart = workstation.database().syncState().since().isEmpty();
        java.util.concurrent.atomic.AtomicReference<CaseOpener> opener = new java.util.concurrent.atomic.AtomicReference<>();
        SyncListener agencyRooms = new SyncListener() {
            @Override
            public void roomsChanged(List<RoomSummary> summaries) {
                rooms.roomsChanged(summaries);
                CaseOpener open = opener.get();
                if (open != null) {
                    background.execute(() -> open.roomsChanged(summaries));
                }
            }

            @Override
            public void syncFailing(MatrixException problem) {
                rooms.syncFailing(problem);
            }

            @Override
            public void syncRecovered() {
                rooms.syncRecovered();
            }

            @Override
            public void sessionEnded(MatrixException reason) {
                rooms.sessionEnded(reason);
            }

            @Override
            public void caughtUp() {
                heapCompaction.afterCatchUp();
            }
        };
        // Two independent openings, each its own crypto store: the staff client (with the fold restored from its
        // snapshot) opens on a second thread while the agency engine opens here (issue 8, the way to the queue).
        java.util.concurrent.CompletableFuture<StaffClient> staffOpening = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    StaffClient opened = StaffClient.open(staffWs, staffSession, staffRoom,
                            UnitConfig.defaults(UNIT_CODE), CitizenRooms.of(workstation.database(), session.userId()));
                    reached("staff log");
                    return opened;
                }, background);
        AgencyEngine engine;
        try {
            engine = workstation.engine(session, agencyRooms, true);
        } catch (RuntimeException e) {
            staffOpening.thenAccept(StaffClient::close);
            throw e;
        }
        reached("agency engine");
        StaffClient staff = joinOpening(staffOpening);
        rooms.onRetryNow(engine::retryNow);
        staff.followCitizenRooms(engine);
        // After the staff client's own listener has folded the change: say in the status line when the staff log
        // waits at an event this workstation cannot decrypt (yet), and stop saying it once the key came.
        staff.engine().addListener(roomId -> {
            if (roomId.equals(staff.staffRoomId())) {
                rooms.staffLogWaits(staff.fold().blocked(), staff.book().staffRoom()::displayName);
            }
        });
        // Which citizen rooms the agency joins by itself is the unit's decision, in its case log (issue 9).
        engine.joinInvitesWhen(() -> staff.book().policy().autoJoin());
        StaffCaseDesk desk = new StaffCaseDesk(staff, ServiceCatalogue.bundled());
        opener.set(new CaseOpener(staff, engine));
        UiThread.fx().execute(() -> {
            KeyBackupDialog backup = new KeyBackupDialog(stage, text, engine, background, UiThread.fx(),
                    session.userId());
            WorkspaceScreen screen = new WorkspaceScreen(text, options.locale(), ZoneId.systemDefault(), engine,
                    staff, desk, background, UiThread.fx(), views, openWith());
            screen.applyPolicy(policy);
            workspace = screen;
            String name = staff.book().staffRoom().displayName(staff.userId());
            WorkspaceViewModel frame = new WorkspaceViewModel(text, name, staff.userId(), session.userId(),
                    new WorkspaceViewModel.Session() {
                        @Override
                        public void lock() {
                            MainWindow.this.lock();
                        }

                        @Override
                        public void signOut() {
                            MainWindow.this.signOut(session, staffWs);
                        }
                    }, new IdleLock(Clock.systemUTC(), idleLimit()));
            idleCheck = timer.scheduleAtFixedRate(() -> UiThread.fx().execute(frame::checkIdle), 5, 5,
                    TimeUnit.SECONDS);
            stage.getScene().setRoot(screen.build(frame, rooms, backup::open, Clock.systemUTC()));
            reached("workspace built");
            logOpeningAfterFirstLayout(stage.getScene());
            background.execute(() -> {
                engine.publishStoredRooms();
                joinStaffRoom(staff);
                staff.catchUp();
                rooms.staffLogWaits(staff.fold().blocked(), staff.book().staffRoom()::displayName);
                if (firstStart) {
                    guideToRestore(engine, backup);
                }
                engine.start();
                staff.engine().start();
            });
        });
    }

    /** The staff client opened alongside; its own failure is thrown as it would have been without the thread. */
    private static StaffClient joinOpening(java.util.concurrent.CompletableFuture<StaffClient> opening) {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void reached(String step) {
        OpeningTimeline timeline = opening;
        if (timeline != null) {
            timeline.reached(step);
        }
    }

    /** The workspace's first laid-out pulse ends the way; one log line says how long each step took. */
    private void logOpeningAfterFirstLayout(Scene scene) {
        OpeningTimeline timeline = opening;
        if (timeline == null) {
            return;
        }
        opening = null;
        // Removed in a later turn of the FX thread: the scene is walking its listener list while one of them runs.
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (done.compareAndSet(false, true)) {
                timeline.reached("first layout");
                LOG.info("way from the passphrase to the workspace: {}", timeline.summary());
                UiThread.fx().execute(() -> scene.removePostLayoutPulseListener(listener[0]));
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** Device keys go up (first sync) before the join, so the members' room keys reach this device. */
    private static void joinStaffRoom(StaffClient staff) {
        if (!staff.readyToSend()) {
            try {
                staff.engine().syncOnce(Duration.ZERO);
                staff.joinStaffRoom();
                staff.syncOnce(Duration.ZERO);
            } catch (MatrixException e) {
                LOG.warn("staff room not joined: {}", e.failure());
            }
        }
    }

    /** Idle-lock minutes: the admin policy's, else {@code -Damtsdesk.idleLockMinutes} (0 = off), default 10. */
    private Duration idleLimit() {
        return IdleLock.limit(policy, System.getProperty("amtsdesk.idleLockMinutes"));
    }

    /**
     * Ctrl+L or idle: the draft goes into the encrypted store, then the workstation closes (engines, databases,
     * native crypto machines) and zeroes its keys; the unlock screen comes back.
     */
    private void lock() {
        stopWorkspace();
        Workstation ws = workstation;
        workstation = null;
        stage.getScene().setRoot(unlockScreen());
        if (ws != null) {
            background.execute(ws::lock);
        }
    }

    private void stopWorkspace() {
        openedAttachments.deleteAll();
        if (idleCheck != null) {
            idleCheck.cancel(false);
            idleCheck = null;
        }
        if (workspace != null) {
            try {
                workspace.dispose();
            } catch (RuntimeException e) {
                LOG.warn("draft not saved on leaving the workspace: {}", e.getClass().getSimpleName());
            }
            workspace = null;
        }
    }

    /**
     * The caseworker signs out of the personal account: the staff client stops and its token is forgotten (the
     * device and its keys stay, so signing in again continues where it was). The agency account stays signed in.
     */
    private void signOut(Session agency, Workstation staffWs) {
        stopWorkspace();
        background.execute(() -> {
            workstation.closeEngine();
            staffWs.closeEngine();
            staffWs.forgetAccessToken();
            UiThread.fx().execute(() -> showStaffSignIn(agency, staffWs, ""));
        });
    }

    /**
     * A new workstation of an account that has a key backup can read nothing older than itself until it restores:
     * say so at once and open the backup dialog, instead of leaving the caseworker with unreadable conversations.
     */
    private void guideToRestore(AgencyEngine engine, KeyBackupDialog backup) {
        try {
            if (engine.keyBackupStatus().needsRestore()) {
                UiThread.fx().execute(() -> {
                    javafx.scene.control.Alert hint = new javafx.scene.control.Alert(
                            javafx.scene.control.Alert.AlertType.INFORMATION, text.get("backup.guide"),
                            Dialogs.ok(text));
                    hint.initOwner(stage);
                    hint.setTitle(text.get("backup.title"));
                    hint.setHeaderText(null);
                    hint.showAndWait();
                    backup.open();
                });
            }
        } catch (Exception e) {
            LOG.info("key backup state not checked at first start: {}", e.getClass().getSimpleName());
        }
    }

    private ConversationViewModel.OpenWithSystem openWith() {
        return new ConversationViewModel.OpenWithSystem(openedAttachments, SystemOpener.desktop());
    }

    private OpenConversation conversation(AgencyEngine engine, Session session, String roomId) {
        ConversationViewModel viewModel = new ConversationViewModel(roomId, session.userId(), engine, background,
                UiThread.fx(), text, ZoneId.systemDefault(), openWith());
        viewModel.allowFeatures(policy.allows(PolicyKey.ALLOW_POLLS), policy.allows(PolicyKey.ALLOW_FILES));
        return new OpenConversation(views.load(ConversationView.class, () -> new ConversationView(viewModel)),
                viewModel::dispose);
    }

    /**
     * The server refused the token. Soft logout keeps history, keys and outbox and logs in as the same device again;
     * hard logout (the device is gone) deletes the crypto store so the next login makes a new device. Either way the
     * caseworker reads which one it was on the login screen. Runs the engine shutdown off the FX thread (JNI).
     */
    private void sessionEnded(MatrixException reason) {
        background.execute(() -> {
            String message;
            try {
                Workstation.SessionEnd end = workstation.endSession(reason);
                LOG.info("session ended: {} logout ({})", end, reason.failure());
                message = messages.describe(reason);
            } catch (RuntimeException e) {
                // E.g. the crypto store cannot be deleted; the next login tries again and refuses until it can.
                LOG.error("ending the session failed", e);
                message = text.get("error.sessionCleanupFailed");
            }
            String shown = message;
            UiThread.fx().execute(() -> showLogin(shown));
        });
    }

    /** At exit: the window is gone already, so a compaction of a bloated store costs the caseworker no waiting. */
    public void close() {
        stopWorkspace();
        Workstation ws = workstation;
        if (ws != null) {
            ws.closeAndCompact();
        }
        background.shutdownNow();
        timer.shutdownNow();
    }
}
