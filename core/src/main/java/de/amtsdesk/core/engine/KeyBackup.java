package de.amtsdesk.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.crypto.BackupCreation;
import de.amtsdesk.crypto.CrossSigningBootstrap;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side key backup, so that a new workstation of the agency account reads conversations that began before it
 * existed. The first workstation creates the backup and shows the recovery key once; later ones restore with it.
 */
final class KeyBackup {

    private static final Logger LOG = LoggerFactory.getLogger(KeyBackup.class);

    private final MatrixClient client;
    private final Session session;
    private final OlmMachineHandle machine;
    private final CryptoRequestPump pump;

    KeyBackup(MatrixClient client, Session session, OlmMachineHandle machine, CryptoRequestPump pump) {
        this.client = client;
        this.session = session;
        this.machine = machine;
        this.pump = pump;
    }

    /** The current backup version on the server, if the account has one. */
    Optional<String> serverVersion() throws MatrixException {
        try {
            JsonNode answer = client.send(session, "GET", "/_matrix/client/v3/room_keys/version", null);
            return Optional.ofNullable(answer.path("version").asText(null));
        } catch (MatrixException e) {
            if (e.errcode().filter("M_NOT_FOUND"::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Cross-signs this device and creates a new backup; returns the recovery key to hand to the admin. */
    String create() throws MatrixException {
        pump.flush();
        if (!machine.crossSigningStatus().hasMaster()) {
            CrossSigningBootstrap bootstrap = machine.bootstrapCrossSigning();
            // First upload of cross-signing keys needs no interactive auth on current Synapse (MSC3967).
            client.send(session, "POST", "/_matrix/client/v3/keys/device_signing/upload",
                    bootstrap.uploadSigningKeysBodyJson());
            pump.send(bootstrap.signatureUpload());
        }
        BackupCreation backup = machine.createBackup();
        JsonNode answer = client.send(session, "POST", "/_matrix/client/v3/room_keys/version",
                backup.versionRequestBodyJson());
        String version = answer.path("version").asText(null);
        if (version == null) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "backup version missing", "room_keys");
        }
        machine.enableBackup(version, backup.recoveryKey());
        pump.flush();
        LOG.info("key backup version {} created", version);
        return backup.recoveryKey();
    }

    /** Imports every backed-up room key; returns how many were imported. Keeps backing up from this device too. */
    int restore(String recoveryKey) throws MatrixException {
        String version = serverVersion().orElseThrow(() -> new MatrixException(MatrixFailure.REQUEST_REJECTED,
                "the account has no key backup", "room_keys"));
        JsonNode keys = client.send(session, "GET", "/_matrix/client/v3/room_keys/keys?version=" + version, null);
        int imported = machine.restoreFromBackup(recoveryKey, version, keys.toString());
        machine.enableBackup(version, recoveryKey);
        LOG.info("restored {} room keys from backup version {}", imported, version);
        return imported;
    }
}
