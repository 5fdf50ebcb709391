package de.amtsdesk.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.crypto.OlmMachineHandle;
import de.amtsdesk.crypto.OutgoingRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host half of the sans-I/O crypto machine: sends every request the machine asks for and hands the answer back,
 * until it has nothing left to say. One flush at a time: the sync thread and the outbox thread both pump, and a
 * request must never go out twice.
 */
final class CryptoRequestPump {

    private static final Logger LOG = LoggerFactory.getLogger(CryptoRequestPump.class);
    /** Uploading keys can make the machine ask for more (a query after an upload); stop runaway loops. */
    private static final int MAX_ROUNDS = 10;

    private final MatrixClient client;
    private final Session session;
    private final OlmMachineHandle machine;

    CryptoRequestPump(MatrixClient client, Session session, OlmMachineHandle machine) {
        this.client = client;
        this.session = session;
        this.machine = machine;
    }

    synchronized void flush() throws MatrixException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<OutgoingRequest> requests = machine.outgoingRequests();
            var backup = machine.backupRoomKeys();
            if (requests.isEmpty() && backup.isEmpty()) {
                return;
            }
            for (OutgoingRequest request : requests) {
                send(request);
            }
            if (backup.isPresent()) {
                send(backup.get());
            }
        }
        LOG.warn("crypto machine still had outgoing requests after {} rounds", MAX_ROUNDS);
    }

    synchronized void send(OutgoingRequest request) throws MatrixException {
        JsonNode answer = client.send(session, request.method(), request.path(), request.bodyJson());
        machine.markRequestAsSent(request.requestId(), request.type(), answer.toString());
        LOG.debug("crypto request {} sent", request.type());
    }

    synchronized void sendAll(List<OutgoingRequest> requests) throws MatrixException {
        for (OutgoingRequest request : requests) {
            send(request);
        }
    }
}
