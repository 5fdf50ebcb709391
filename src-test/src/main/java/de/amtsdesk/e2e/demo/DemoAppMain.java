package de.amtsdesk.e2e.demo;

import de.amtsdesk.app.AmtsdeskApplication;
import de.amtsdesk.app.AppOptions;
import de.amtsdesk.app.Prefill;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The demo's way into the app: reads the agency password and the workstation passphrase from the first two lines of
 * standard input, which {@link DemoMain} writes into a pipe, and starts the window app with them prefilled.
 *
 * <p>Why so: the production launcher reads no secret from arguments (process list), environment variables
 * (inherited by every child process, settable by whatever starts the app) or files, so an installed Amtsdesk
 * cannot be made to start with somebody else's secrets typed in. This class lives in src-test and is not part of
 * the app or its app-image; the pipe is read once, exists only between the two demo processes, and leaves nothing
 * on disk. The app itself gets the secrets as an in-process {@link Prefill} object.
 */
public final class DemoAppMain {

    private DemoAppMain() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Prefill prefill = readPrefill(in);
        AmtsdeskApplication.launchPrefilled(AppOptions.parse(args), prefill, readStaffPrefill(in));
    }

    /** Line 1 the password, line 2 the passphrase; an empty or missing line means "not prefilled". */
    static Prefill readPrefill(InputStream stdin) throws IOException {
        return readPrefill(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)));
    }

    static Prefill readPrefill(BufferedReader in) throws IOException {
        Optional<String> password = Optional.ofNullable(in.readLine()).filter(s -> !s.isEmpty());
        Optional<String> passphrase = Optional.ofNullable(in.readLine()).filter(s -> !s.isEmpty());
        return new Prefill(password, passphrase);
    }

    /** Lines 3 to 5: the caseworker's personal account, its password and the staff room (each optional). */
    static de.amtsdesk.app.StaffPrefill readStaffPrefill(BufferedReader in) throws IOException {
        Optional<String> user = Optional.ofNullable(in.readLine()).filter(s -> !s.isEmpty());
        Optional<String> password = Optional.ofNullable(in.readLine()).filter(s -> !s.isEmpty());
        Optional<String> room = Optional.ofNullable(in.readLine()).filter(s -> !s.isEmpty());
        return new de.amtsdesk.app.StaffPrefill(user, password, room);
    }
}
