package de.amtsdesk.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.crypto.BackupCreation;
import de.amtsdesk.crypto.CrossSigningBootstrap;
import de.amtsdesk.crypto.CryptoNativeException;
import de.amtsdesk.crypto.OlmMachineHandle;
import de.amtsdesk.crypto.SecretStorageImport;
import de.amtsdesk.crypto.SecretStorageSetup;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side key backup, so that a new workstation of the agency account reads conversations that began before it
 * existed. The first workstation creates the backup and shows the recovery key once; later ones restore with it.
 */
final class KeyBackup {

    private static final Logger LOG = LoggerFactory.getLogger(KeyBackup.class);
    private static final java.util.List<String> SECRET_NAMES = java.util.List.of("m.cross_signing.master",
            "m.cross_signing.self_signing", "m.cross_signing.user_signing", "m.megolm_backup.v1");

    private final MatrixClient client;
    private final Session session;
    private final OlmMachineHandle machine;
    private final CryptoRequestPump pump;
    /** The version this machine backs up to; read from the crypto store at start (see AgencyEngine). */
    private volatile String activeVersion;

    KeyBackup(MatrixClient client, Session session, OlmMachineHandle machine, CryptoRequestPump pump) {
        this.client = client;
        this.session = session;
        this.machine = machine;
        this.pump = pump;
        this.activeVersion = machine.backupVersion().orElse(null);
    }

    /** The current backup version on the server, if the account has one. */
    Optional<String> serverVersion() throws MatrixException {
        return serverVersionInfo().map(answer -> answer.path("version").asText(null));
    }

    /**
     * Cross-signs this device and creates the account's first backup; returns the recovery key to hand to the admin.
     * Refuses when a backup exists: a second click must never start an empty version with a new key.
     */
    String create() throws MatrixException, KeyBackupExistsException {
        var existing = serverVersion();
        if (existing.isPresent()) {
            throw new KeyBackupExistsException(existing.get());
        }
        return createVersion();
    }

    /**
     * Replaces the backup, as an explicit, confirmed action: {@code confirmedVersion} must be the version the person
     * saw and agreed to replace (so a version created meanwhile elsewhere is not replaced blindly). The new version
     * receives every room key this workstation holds before this returns.
     */
    String replace(String confirmedVersion) throws MatrixException {
        var existing = serverVersion();
        if (existing.isPresent() && !existing.get().equals(confirmedVersion)) {
            throw new MatrixException(MatrixFailure.REQUEST_REJECTED, "the backup changed to version "
                    + existing.get() + " since version " + confirmedVersion + " was confirmed", "room_keys");
        }
        LOG.warn("replacing key backup version {} on request", confirmedVersion);
        return createVersion();
    }

    private String createVersion() throws MatrixException {
        crossSign();
        BackupCreation backup = machine.createBackup();
        JsonNode answer = client.send(session, "POST", "/_matrix/client/v3/room_keys/version",
                backup.versionRequestBodyJson());
        String version = answer.path("version").asText(null);
        if (version == null) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "backup version missing", "room_keys");
        }
        machine.enableBackup(version, backup.recoveryKey());
        activeVersion = version;
        uploadAll();
        String recoveryKey = storeSecrets();
        LOG.info("key backup version {} created, secrets stored", version);
        return recoveryKey;
    }

    /**
     * Gives the account a cross-signing identity and signs this device with it, unless this machine has one already.
     * Needed to share room history (MSC4268 sends bundles only between cross-signed devices, ADR 0015) and for the
     * backup. Refuses, returning false, when the account has an identity on the server that this machine lacks: it
     * must come from secret storage ({@link #restore}) instead of being replaced.
     *
     * @return whether this device is cross-signed now
     */
    boolean crossSign() throws MatrixException {
        pump.flush();
        if (machine.crossSigningStatus().hasMaster()) {
            return true;
        }
        com.fasterxml.jackson.databind.node.ObjectNode query = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        query.putObject("device_keys").putArray(session.userId());
        JsonNode known = client.send(session, "POST", "/_matrix/client/v3/keys/query", query.toString());
        if (known.path("master_keys").has(session.userId())) {
            LOG.warn("the account has a cross-signing identity this workstation does not hold: restore it from secret"
                    + " storage with the recovery key");
            return false;
        }
        CrossSigningBootstrap bootstrap = machine.bootstrapCrossSigning();
        // First upload of cross-signing keys needs no interactive auth on current Synapse (MSC3967).
        client.send(session, "POST", "/_matrix/client/v3/keys/device_signing/upload",
                bootstrap.uploadSigningKeysBodyJson());
        pump.send(bootstrap.signatureUpload());
        LOG.info("cross-signing identity created, this device is signed with it");
        return true;
    }

    /**
     * Puts the cross-signing keys and the backup key into secret storage under one new recovery key: the key the
     * admin keeps. Later workstations read both with it (see {@link #restore}).
     */
    private String storeSecrets() throws MatrixException {
        SecretStorageSetup setup = machine.createSecretStorage();
        for (SecretStorageSetup.AccountData data : setup.accountData()) {
            client.putAccountData(session, data.type(), data.contentJson());
        }
        return setup.recoveryKey();
    }

    /** Uploads until every room key of this device is in the active version (the machine sends batches). */
    private void uploadAll() throws MatrixException {
        for (var request = machine.backupRoomKeys(); request.isPresent(); request = machine.backupRoomKeys()) {
            pump.send(request.get());
        }
        pump.flush();
    }

    KeyBackupStatus status() throws MatrixException {
        var counts = machine.roomKeyCounts();
        return new KeyBackupStatus(serverVersion(), Optional.ofNullable(activeVersion), counts.total(),
                counts.backedUp());
    }

    /**
     * With the recovery key: reads secret storage (cross-signing keys: this device gets signed by the agency's
     * identity; the backup key), then imports every backed-up room key; returns how many were imported. Keeps
     * backing up from this device too. A key from before secret storage (the backup's own key) still works.
     *
     * <p>The backup is read as it arrives and imported {@value #RESTORE_BATCH} keys at a time, so a backup of
     * 100,000 keys (about 70 MB of JSON) is never held whole, and {@code progress} hears after each batch.
     */
    int restore(String recoveryKey, KeyRestoreProgress progress) throws MatrixException {
        String backupKey = recoveryKey;
        var defaultKey = client.accountData(session, "m.secret_storage.default_key")
                .map(content -> content.path("key").asText(null));
        if (defaultKey.isPresent() && defaultKey.get() != null) {
            try {
                backupKey = readSecrets(recoveryKey, defaultKey.get()).orElse(recoveryKey);
            } catch (CryptoNativeException e) {
                // Perhaps the backup's own key from before secret storage existed: the backup decides below.
                LOG.info("recovery key does not open secret storage ({}); trying it as the backup key", e.getMessage());
            }
        }
        JsonNode current = serverVersionInfo().orElseThrow(() -> new MatrixException(MatrixFailure.REQUEST_REJECTED,
                "the account has no key backup", "room_keys"));
        String version = current.path("version").asText(null);
        if (version == null) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "backup version missing", "room_keys");
        }
        long total = Math.max(0, current.path("count").asLong(0));
        BackupImport batches = new BackupImport(machine, backupKey, version, total, progress);
        int imported = client.getStreamed(session, "/_matrix/client/v3/room_keys/keys?version="
                + java.net.URLEncoder.encode(version, java.nio.charset.StandardCharsets.UTF_8), batches::readAll);
        machine.enableBackup(version, backupKey);
        activeVersion = version;
        LOG.info("restored {} room keys ({} read) from backup version {}", imported, batches.read(), version);
        return imported;
    }

    /**
     * Room keys per native import: one store transaction each, about 1.4 MB of JSON. 500 (350 KB, below G1's
     * humongous-object size) was tried for the restore's GC pauses: no fewer pauses, a restore 2-3 s slower.
     */
    static final int RESTORE_BATCH = 2000;

    /** The answer of {@code GET /room_keys/version} (version, count, etag), if the account has a backup. */
    private Optional<JsonNode> serverVersionInfo() throws MatrixException {
        try {
            return Optional.of(client.send(session, "GET", "/_matrix/client/v3/room_keys/version", null));
        } catch (MatrixException e) {
            if (e.errcode().filter("M_NOT_FOUND"::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Imports the cross-signing keys, signs this device, and returns the backup key found in secret storage. */
    private Optional<String> readSecrets(String recoveryKey, String keyId) throws MatrixException {
        JsonNode keyContent = client.accountData(session, "m.secret_storage.key." + keyId).orElseThrow(() ->
                new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "secret storage key " + keyId + " is missing",
                        "account_data"));
        com.fasterxml.jackson.databind.node.ObjectNode secrets =
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        for (String name : SECRET_NAMES) {
            client.accountData(session, name).ifPresent(content -> secrets.set(name, content));
        }
        // The machine must know the account's public identity before it accepts the private keys.
        machine.updateTrackedUsers(java.util.List.of(session.userId()));
        pump.flush();
        SecretStorageImport imported = machine.importSecretStorage(recoveryKey, keyId, keyContent.toString(),
                secrets.toString());
        if (imported.signatureUpload().isPresent()) {
            pump.send(imported.signatureUpload().get());
            LOG.info("this workstation is now signed by the agency's cross-signing identity");
        }
        return imported.backupRecoveryKey();
    }

}
