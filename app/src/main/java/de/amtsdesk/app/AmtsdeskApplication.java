package de.amtsdesk.app;

import de.amtsdesk.core.policy.EffectivePolicy;
import de.amtsdesk.core.policy.PolicyLoader;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; started through {@link Launcher} (or, prefilled, by the demo launcher in src-test). */
public final class AmtsdeskApplication extends Application {

    /**
     * JavaFX creates the Application instance itself, so an object can reach it only through a static. It is
     * taken exactly once by {@link #start}; nothing outside this JVM can put anything here.
     */
    private static final AtomicReference<Prefill> PREFILL = new AtomicReference<>(Prefill.NONE);
    private static final AtomicReference<StaffPrefill> STAFF_PREFILL = new AtomicReference<>(StaffPrefill.NONE);
    /** The admin policy the launcher read and applied before JavaFX started; null: the window reads it itself. */
    private static final AtomicReference<EffectivePolicy> POLICY = new AtomicReference<>();

    private MainWindow window;

    static void launchWith(AppOptions options) {
        RenderingPipeline.chooseForThisMachine();
        Application.launch(AmtsdeskApplication.class, options.toArgs());
    }

    /** As {@link #launchWith(AppOptions)}, with the policy the launcher has already applied (read once per start). */
    static void launchWith(AppOptions options, EffectivePolicy policy) {
        POLICY.set(policy);
        launchWith(options);
    }

    /**
     * Starts the app in this JVM with secrets already typed in. For the demo launcher and tests (src-test) only:
     * the production {@link Launcher} never calls it. Blocks until the window is closed, like {@link #launchWith}.
     */
    public static void launchPrefilled(AppOptions options, Prefill prefill) {
        PREFILL.set(prefill);
        launchWith(options);
    }

    /** As {@link #launchPrefilled(AppOptions, Prefill)}, with the caseworker's own sign-in typed in ahead too. */
    public static void launchPrefilled(AppOptions options, Prefill prefill, StaffPrefill staff) {
        STAFF_PREFILL.set(staff);
        launchPrefilled(options, prefill);
    }

    @Override
    public void start(Stage stage) {
        EffectivePolicy policy = POLICY.getAndSet(null);
        window = new MainWindow(stage, AppOptions.parse(getParameters().getRaw().toArray(String[]::new)),
                PREFILL.getAndSet(Prefill.NONE), STAFF_PREFILL.getAndSet(StaffPrefill.NONE),
                policy != null ? policy : PolicyLoader.forThisMachine());
        window.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
