package de.amtsdesk.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Many encrypted citizen rooms with history on a real Synapse, written by matrix-js-sdk citizens (in parallel, one
 * thread each): the initial-sync benchmark's workload and the app-image's AOT training on the sync path. The agency
 * joins each room with its registration token, a device without keys that nobody shares room keys with, so only the
 * agency devices that uploaded keys before the messages were sent can read them, as a workstation would.
 */
public final class CitizenRoomsOnServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CitizenRoomsOnServer() {
    }

    /** What a citizen writes as message {@code number} into a room. */
    @FunctionalInterface
    public interface Body {
        String text(CitizenClient citizen, int number);
    }

    /**
     * While the agency's workstations are away: {@code citizenCount} new citizens (matrix-js-sdk, a node process each)
     * open {@code rooms} rooms between them, write {@code messages} messages into each and stop again. Returns how many
     * messages were sent.
     */
    public static int writtenMeanwhile(SynapseServer synapse, RegisteredUser agency, int citizenCount, int rooms,
            int messages, Body body, Consumer<String> progress) throws Exception {
        List<CitizenClient> citizens = new ArrayList<>();
        try {
            for (int i = 1; i <= citizenCount; i++) {
                RegisteredUser account = synapse.registerUser("buerger-" + i, "pw-buerger-" + i, "Bürger " + i, false);
                CitizenClient citizen = CitizenClient.start("citizen-" + i).withTimeout(Duration.ofMinutes(2));
                citizens.add(citizen);
                citizen.login(synapse, account);
            }
            return write(citizens, open(synapse, agency, citizens, rooms, progress), messages, body, progress);
        } finally {
            for (CitizenClient citizen : citizens) {
                citizen.close();
            }
        }
    }

    /** Citizens open {@code rooms} encrypted rooms between them (inviting the agency), and the agency joins each. */
    public static List<List<String>> open(SynapseServer synapse, RegisteredUser agency, List<CitizenClient> citizens,
            int rooms, Consumer<String> progress) throws Exception {
        AtomicInteger created = new AtomicInteger();
        List<List<String>> byCitizen = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(citizens.size());
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int i = 0; i < citizens.size(); i++) {
                CitizenClient citizen = citizens.get(i);
                int share = rooms / citizens.size() + (i < rooms % citizens.size() ? 1 : 0);
                futures.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int r = 0; r < share; r++) {
                        String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
                        join(synapse, agency, roomId);
                        mine.add(roomId);
                        int n = created.incrementAndGet();
                        if (n % 20 == 0 || n == rooms) {
                            progress.accept("rooms created and joined: " + n + "/" + rooms);
                        }
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> f : futures) {
                byCitizen.add(f.get(30, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        return byCitizen;
    }

    /** Each citizen writes {@code messages} messages into each of its rooms; returns how many were sent. */
    public static int write(List<CitizenClient> citizens, List<List<String>> roomsByCitizen, int messages, Body body,
            Consumer<String> progress) throws Exception {
        int rooms = roomsByCitizen.stream().mapToInt(List::size).sum();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(citizens.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < citizens.size(); i++) {
                CitizenClient citizen = citizens.get(i);
                List<String> mine = roomsByCitizen.get(i);
                futures.add(pool.submit(() -> {
                    for (String roomId : mine) {
                        ObjectNode args = JSON.createObjectNode().put("roomId", roomId);
                        ArrayNode bodies = args.putArray("bodies");
                        for (int m = 1; m <= messages; m++) {
                            bodies.add(body.text(citizen, m));
                        }
                        JsonNode r = citizen.call("sendTexts", args);
                        if (r.path("eventIds").size() != messages) {
                            throw new IllegalStateException("sendTexts sent " + r.path("eventIds").size() + " in "
                                    + roomId);
                        }
                        int n = sent.addAndGet(messages);
                        if (n % (20 * messages) == 0 || n == rooms * messages) {
                            progress.accept("messages sent: " + n + "/" + rooms * messages);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        if (sent.get() != rooms * messages) {
            throw new IllegalStateException("sent " + sent.get() + " of " + rooms * messages + " messages");
        }
        return sent.get();
    }

    /** The agency joins with its registration token: a device without keys, which no one shares room keys with. */
    public static void join(SynapseServer synapse, RegisteredUser agency, String roomId)
            throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(synapse.baseUrl()
                        + "/_matrix/client/v3/join/" + URLEncoder.encode(roomId, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + agency.accessToken()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("agency join of " + roomId + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** How many devices of the agency account have uploaded device keys (what citizens will share room keys with). */
    public static int devicesWithKeys(SynapseServer synapse, RegisteredUser agency)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("device_keys").putArray(agency.userId());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(synapse.baseUrl()
                        + "/_matrix/client/v3/keys/query"))
                .header("Authorization", "Bearer " + agency.accessToken()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("device_keys").path(agency.userId()).size();
    }
}
