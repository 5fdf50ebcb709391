package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {

    private static final String PASSPHRASE = "Amt für Bürgerdienste 2026!";

    @TempDir
    Path tmp;

    @Test
    void unlockWithTheRightPassphraseGivesTheKeysOfCreation() throws Exception {
        Path dir = tmp.resolve("profile");
        char[] h2File;
        char[] h2User;
        byte[] cryptoKey;
        try (UnlockedVault created = TestVaults.create(dir, PASSPHRASE)) {
            h2File = created.h2FilePassword();
            h2User = created.h2UserPassword();
            cryptoKey = created.cryptoStoreKey();
            assertThat(created.cryptoStoreDirectory()).isDirectory();
        }
        assertThat(Vault.exists(dir)).isTrue();

        try (UnlockedVault unlocked = TestVaults.unlock(dir, PASSPHRASE)) {
            assertThat(unlocked.h2FilePassword()).isEqualTo(h2File);
            assertThat(unlocked.h2UserPassword()).isEqualTo(h2User);
            assertThat(unlocked.cryptoStoreKey()).isEqualTo(cryptoKey);
            assertThat(unlocked.kdfParameters()).isEqualTo(TestVaults.FAST);
            assertThat(unlocked.databaseFile()).isEqualTo(dir.toAbsolutePath().resolve("amtsdesk.mv.db"));
            assertThat(unlocked.cryptoStoreDirectory()).isEqualTo(dir.toAbsolutePath().resolve("crypto-store"));
        }
    }

    @Test
    void wrongPassphraseIsRefusedAndNoFileChanges() throws Exception {
        Path dir = tmp.resolve("profile");
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            db.syncState().save("s72594_4483_1934");
        }
        Files.writeString(dir.resolve("crypto-store").resolve("matrix-sdk-crypto.sqlite3"), "stand-in");
        Map<String, String> before = TestVaults.fingerprint(dir);

        assertThatThrownBy(() -> TestVaults.unlock(dir, PASSPHRASE + " "))
                .isInstanceOf(WrongPassphraseException.class)
                .extracting(e -> ((VaultException) e).kind()).isEqualTo(VaultException.Kind.WRONG_PASSPHRASE);
        assertThatThrownBy(() -> Vault.unlock(dir, new char[0])).isInstanceOf(WrongPassphraseException.class);
        assertThatThrownBy(() -> Vault.changePassphrase(dir, "falsch".toCharArray(), "neu-und-lang".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);

        assertThat(TestVaults.fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void cryptoStoreKeyIs32BytesAndUnrelatedToTheH2Passwords() throws Exception {
        try (UnlockedVault vault = TestVaults.create(tmp.resolve("a"), PASSPHRASE)) {
            byte[] key = vault.cryptoStoreKey();
            assertThat(key).hasSize(32);
            String keyHex = HexFormat.of().formatHex(key);
            assertThat(new String(vault.h2FilePassword())).hasSize(64).isNotEqualTo(keyHex);
            assertThat(new String(vault.h2UserPassword())).hasSize(64).isNotEqualTo(keyHex)
                    .isNotEqualTo(new String(vault.h2FilePassword()));
        }
    }

    @Test
    void twoVaultsWithTheSamePassphraseHaveDifferentKeys() throws Exception {
        try (UnlockedVault one = TestVaults.create(tmp.resolve("one"), PASSPHRASE);
                UnlockedVault two = TestVaults.create(tmp.resolve("two"), PASSPHRASE)) {
            assertThat(one.cryptoStoreKey()).isNotEqualTo(two.cryptoStoreKey());
            assertThat(one.h2FilePassword()).isNotEqualTo(two.h2FilePassword());
        }
    }

    @Test
    void changingThePassphraseRewrapsOnlyTheHeaderAndKeepsTheKeys() throws Exception {
        Path dir = tmp.resolve("profile");
        byte[] cryptoKey;
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            cryptoKey = vault.cryptoStoreKey();
            db.syncState().save("since-before-change");
        }
        Map<String, String> before = TestVaults.fingerprint(dir);

        Vault.changePassphrase(dir, PASSPHRASE.toCharArray(), "ein ganz neuer Satz".toCharArray());

        Map<String, String> after = TestVaults.fingerprint(dir);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.keySet().forEach(name -> {
            if (name.equals("vault.json")) {
                assertThat(after.get(name)).isNotEqualTo(before.get(name));
            } else {
                assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
            }
        });
        assertThatThrownBy(() -> TestVaults.unlock(dir, PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
        try (UnlockedVault vault = TestVaults.unlock(dir, "ein ganz neuer Satz"); AppDatabase db = AppDatabase.open(vault)) {
            assertThat(vault.cryptoStoreKey()).isEqualTo(cryptoKey);
            assertThat(db.syncState().since()).contains("since-before-change");
        }
    }

    @Test
    void theCostCanBeRaisedWithTheSamePassphrase() throws Exception {
        Path dir = tmp.resolve("profile");
        TestVaults.create(dir, PASSPHRASE).close();
        Argon2idParameters raised = new Argon2idParameters(24 * 1024, 3, 1);

        Vault.changePassphrase(dir, PASSPHRASE.toCharArray(), PASSPHRASE.toCharArray(), raised);

        try (UnlockedVault vault = TestVaults.unlock(dir, PASSPHRASE)) {
            assertThat(vault.kdfParameters()).isEqualTo(raised);
        }
        assertThat(Files.readString(dir.resolve("vault.json"))).contains("\"memoryKiB\" : 24576");
        assertThat(dir.resolve("vault.json.tmp")).doesNotExist();
    }

    @Test
    void theRecommendedCostIsWrittenToTheHeaderAndUnlocks() throws Exception {
        Path dir = tmp.resolve("profile");
        Vault.create(dir, PASSPHRASE.toCharArray()).close();

        String header = Files.readString(dir.resolve("vault.json"));
        assertThat(header).contains("\"algorithm\" : \"argon2id\"", "\"memoryKiB\" : 65536", "\"iterations\" : 3",
                "\"parallelism\" : 1", "\"argon2Version\" : 19", "\"algorithm\" : \"AES-256-GCM\"");
        try (UnlockedVault vault = TestVaults.unlock(dir, PASSPHRASE)) {
            assertThat(vault.kdfParameters()).isEqualTo(Argon2idParameters.RECOMMENDED);
        }
    }

    @Test
    void aPassphraseTypedDecomposedOpensTheVaultMadeComposed() throws Exception {
        Path dir = tmp.resolve("profile");
        TestVaults.create(dir, "Gr\u00fc\u00dfe aus M\u00fcnchen").close();

        TestVaults.unlock(dir, "Gru\u0308\u00dfe aus Mu\u0308nchen").close();
    }

    @Test
    void missingHeaderIsNotFound() {
        assertThatThrownBy(() -> TestVaults.unlock(tmp.resolve("nothing-here"), PASSPHRASE))
                .isInstanceOf(VaultException.class)
                .extracting(e -> ((VaultException) e).kind()).isEqualTo(VaultException.Kind.NOT_FOUND);
        assertThat(Vault.exists(tmp.resolve("nothing-here"))).isFalse();
    }

    @Test
    void unreadableHeaderIsCorrupt() throws Exception {
        Path dir = tmp.resolve("profile");
        TestVaults.create(dir, PASSPHRASE).close();
        Path header = dir.resolve("vault.json");

        Files.writeString(header, "{\"format\": \"amtsdesk-vault\", \"vers");
        assertKind(dir, VaultException.Kind.CORRUPT);

        Files.writeString(header, "[1, 2, 3]");
        assertKind(dir, VaultException.Kind.CORRUPT);

        Files.write(header, new byte[0]);
        assertKind(dir, VaultException.Kind.CORRUPT);
    }

    @Test
    void aDamagedWrappedKeyIsCorruptNotAWrongPassphrase() throws Exception {
        Path dir = tmp.resolve("profile");
        TestVaults.create(dir, PASSPHRASE).close();
        ObjectNode header = readHeader(dir);
        byte[] wrapped = Base64.getDecoder().decode(((ObjectNode) header.get("dataKey")).get("wrapped").asText());
        wrapped[5] ^= 0x01;
        ((ObjectNode) header.get("dataKey")).put("wrapped", Base64.getEncoder().encodeToString(wrapped));
        writeHeader(dir, header);

        assertKind(dir, VaultException.Kind.CORRUPT);
    }

    @Test
    void aHeaderFromANewerAmtsdeskIsUnsupported() throws Exception {
        Path dir = tmp.resolve("profile");
        TestVaults.create(dir, PASSPHRASE).close();
        ObjectNode header = readHeader(dir);
        header.put("version", 2);
        writeHeader(dir, header);

        assertKind(dir, VaultException.Kind.UNSUPPORTED_VERSION);
    }

    @Test
    void absurdCostInTheHeaderIsRefusedBeforeAnyWork() throws Exception {
        Path dir = tmp.resolve("profile");
        TestVaults.create(dir, PASSPHRASE).close();
        ObjectNode header = readHeader(dir);
        ((ObjectNode) header.get("kdf")).put("memoryKiB", 64 * 1024 * 1024);
        writeHeader(dir, header);

        assertKind(dir, VaultException.Kind.CORRUPT);
    }

    @Test
    void createRefusesToReplaceAnExistingVault() throws Exception {
        Path dir = tmp.resolve("profile");
        TestVaults.create(dir, PASSPHRASE).close();
        Map<String, String> before = TestVaults.fingerprint(dir);

        assertThatThrownBy(() -> TestVaults.create(dir, "etwas anderes"))
                .isInstanceOf(VaultException.class)
                .extracting(e -> ((VaultException) e).kind()).isEqualTo(VaultException.Kind.ALREADY_EXISTS);
        assertThat(TestVaults.fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void createRefusesAnEmptyPassphraseAndCheapCost() {
        assertThatThrownBy(() -> Vault.create(tmp.resolve("a"), new char[0], TestVaults.FAST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vault.create(tmp.resolve("b"), "lang genug".toCharArray(),
                new Argon2idParameters(8 * 1024, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(tmp.resolve("a")).doesNotExist();
        assertThat(tmp.resolve("b")).doesNotExist();
    }

    @Test
    void aClosedVaultHandsOutNoKeys() throws Exception {
        UnlockedVault vault = TestVaults.create(tmp.resolve("profile"), PASSPHRASE);
        vault.close();

        assertThat(vault.isClosed()).isTrue();
        assertThatThrownBy(vault::cryptoStoreKey).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(vault::h2FilePassword).isInstanceOf(IllegalStateException.class);
        assertThat(vault.toString()).doesNotContain("[B@");
    }

    @Test
    void theHeaderHoldsNoDerivedKeyAndOnlyTheOwnerMayReadIt() throws Exception {
        Path dir = tmp.resolve("profile");
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            byte[] header = Files.readAllBytes(dir.resolve("vault.json"));
            assertThat(TestVaults.contains(header, vault.cryptoStoreKey())).isFalse();
            assertThat(new String(header, StandardCharsets.UTF_8))
                    .doesNotContain(new String(vault.h2FilePassword()))
                    .doesNotContain(Base64.getEncoder().encodeToString(vault.cryptoStoreKey()))
                    .doesNotContain(PASSPHRASE);
        }
        if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vault.json"))))
                    .isEqualTo("rw-------");
        }
    }

    private static void assertKind(Path dir, VaultException.Kind kind) {
        assertThatThrownBy(() -> TestVaults.unlock(dir, PASSPHRASE))
                .isInstanceOf(VaultException.class)
                .isNotInstanceOf(WrongPassphraseException.class)
                .extracting(e -> ((VaultException) e).kind()).isEqualTo(kind);
    }

    private static ObjectNode readHeader(Path dir) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(dir.resolve("vault.json").toFile());
    }

    private static void writeHeader(Path dir, ObjectNode header) throws Exception {
        new ObjectMapper().writeValue(dir.resolve("vault.json").toFile(), header);
    }
}
