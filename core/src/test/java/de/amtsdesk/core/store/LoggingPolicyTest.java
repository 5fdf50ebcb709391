package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Logs never hold message bodies, tokens, passphrases or keys: everything is logged, at every level, and read. */
class LoggingPolicyTest {

    private static final String PASSPHRASE = "Passphrase-die-nie-im-Log-steht";
    private static final String TOKEN = "syt_token_that_must_not_be_logged";
    private static final String BODY = "Geheimer Antrag 4711";

    @TempDir
    Path tmp;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void captureEverything() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
    }

    @Test
    void aWholeSessionWithMistakesLogsNoSecret() throws Exception {
        Path dir = tmp.resolve("profile");
        List<String> secrets = new ArrayList<>(List.of(PASSPHRASE, TOKEN, BODY));
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            secrets.add(new String(vault.h2FilePassword()));
            secrets.add(new String(vault.h2UserPassword()));
            secrets.add(HexFormat.of().formatHex(vault.cryptoStoreKey()));
            db.accounts().save(new StoredAccount("https://hs", "@amt:hs", "DEV", TOKEN, null));
            db.events().upsert(IncomingEvent.plaintext("!r:hs", "$1", "@b:hs", 1, "m.room.message",
                    "{\"body\":\"" + BODY + "\"}", "{\"content\":{\"body\":\"" + BODY + "\"}}"));
            String txn = db.outbox().enqueue("!r:hs", "m.room.message", "{\"body\":\"" + BODY + "\"}", null);
            db.outbox().markSending(txn);
            db.outbox().markFailed(txn, "M_FORBIDDEN");
            assertThatThrownBy(() -> db.accounts().save(new StoredAccount("https://hs", "@amt:hs", "DEV", TOKEN,
                    BODY.repeat(100)))).isInstanceOf(StoreAccessException.class);
        }
        assertThatThrownBy(() -> TestVaults.unlock(dir, PASSPHRASE + "x")).isInstanceOf(WrongPassphraseException.class);
        Vault.changePassphrase(dir, PASSPHRASE.toCharArray(), (PASSPHRASE + "2").toCharArray());
        try (UnlockedVault vault = TestVaults.unlock(dir, PASSPHRASE + "2")) {
            byte[] bytes = Files.readAllBytes(vault.databaseFile());
            // Down to the store header: always refused as corrupt (cutting in half may only lose free space).
            Files.write(vault.databaseFile(), java.util.Arrays.copyOf(bytes, 4 * 4096));
            assertThatThrownBy(() -> AppDatabase.open(vault)).isInstanceOf(StoreException.class);
        }

        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String secret : secrets) {
                assertThat(text).as("log line of %s", event.getLoggerName()).doesNotContain(secret);
            }
        }
    }
}
