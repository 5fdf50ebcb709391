package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountAndSyncStateTest extends DatabaseFixture {

    private static final StoredAccount ACCOUNT = new StoredAccount("https://matrix.amt.example",
            "@wohngeld:amt.example", "AMTSDESK01", "syt_secret_token", "Wohngeldstelle");

    @Test
    void anAccountIsSavedAndLoaded() throws Exception {
        assertThat(db.accounts().load()).isEmpty();

        db.accounts().save(ACCOUNT);

        assertThat(reopen().accounts().load()).contains(ACCOUNT);
    }

    @Test
    void softLogoutForgetsOnlyTheToken() {
        db.accounts().save(ACCOUNT);

        assertThat(db.accounts().clearAccessToken()).isTrue();
        assertThat(db.accounts().clearAccessToken()).isFalse();

        StoredAccount loaded = db.accounts().load().orElseThrow();
        assertThat(loaded.loggedIn()).isFalse();
        assertThat(loaded.token()).isEmpty();
        assertThat(loaded).isEqualTo(ACCOUNT.withAccessToken(null));
    }

    @Test
    void savingAgainReplacesTheAccount() {
        db.accounts().save(ACCOUNT);
        db.accounts().clearAccessToken();

        db.accounts().save(ACCOUNT.withAccessToken("syt_new_token"));

        assertThat(db.accounts().load()).hasValueSatisfying(a -> assertThat(a.accessToken()).isEqualTo("syt_new_token"));
    }

    @Test
    void theTokenIsNotInToString() {
        assertThat(ACCOUNT.toString()).contains("@wohngeld:amt.example", "AMTSDESK01").doesNotContain("syt_secret_token");
        assertThat(ACCOUNT.withAccessToken(null).toString()).contains("logged out");
    }

    @Test
    void theSinceTokenIsKeptReplacedAndCleared() throws Exception {
        assertThat(db.syncState().since()).isEmpty();

        db.syncState().save("s1");
        db.syncState().save("s2");

        assertThat(reopen().syncState().since()).contains("s2");
        assertThat(db.syncState().updatedAt()).contains(NOW);
        db.syncState().clear();
        assertThat(db.syncState().since()).isEmpty();
    }
}
