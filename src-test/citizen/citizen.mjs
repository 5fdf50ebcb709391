// A citizen's Matrix client for Amtsdesk's end-to-end tests: matrix-js-sdk with its Rust crypto (the
// same stack as Element Web), driven over JSON lines.
//
//   stdin:  {"id":N,"cmd":"...", ...args}
//   stdout: {"id":N,"ok":true, ...result} | {"id":N,"ok":false,"error":"..."}
//           {"type":"event", roomId, eventId, sender, eventType, stateKey, content, encrypted, decryptionFailure, originServerTs}
//           {"type":"invite", roomId, inviter}
//   stderr: logs only. Tokens and passwords are never printed.
//
// Commands: ping, login, createEncryptedRoom, joinRoom, setDisplayName, sendText, sendTexts, sendFile,
// downloadFile, sendReadReceipt, sendPoll, answerPoll, readPoll, stop; for benchmarks: loginKeysOnly, measureInitialSync. The program exits
// cleanly when stdin closes.

import { format } from "node:util";
import { createHash } from "node:crypto";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { createInterface } from "node:readline";

// stdout belongs to the protocol. The SDK logs through console.* (via loglevel, which binds the console
// methods when it is loaded), and Node's console.log/info write to stdout: reroute them all to stderr
// BEFORE the SDK is imported.
const protocolOut = process.stdout;
for (const method of ["log", "info", "debug", "trace", "warn", "error"]) {
  console[method] = (...args) => process.stderr.write(format(...args) + "\n");
}
const sdk = await import("matrix-js-sdk");
const { logger } = await import("matrix-js-sdk/lib/logger.js");
const { encryptAttachment, decryptAttachment } = await import("matrix-encrypt-attachment");
logger.setLevel(process.env.CITIZEN_LOG_LEVEL ?? "info");

const MEGOLM = "m.megolm.v1.aes-sha2";
const WAIT_MS = 30_000;

let client = null; // one login per process
const emittedState = new Map(); // eventId -> what we last reported, so late decryption re-emits once
const invitesSeen = new Set();

function send(message) {
  protocolOut.write(JSON.stringify(message) + "\n");
}

function log(...args) {
  process.stderr.write(`[citizen ${new Date().toISOString()}] ${format(...args)}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until fn() returns something truthy; fails with a message saying what was awaited. */
async function waitUntil(fn, what, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

function requireClient() {
  if (!client) throw new Error("not logged in (send 'login' first)");
  return client;
}

// ---------------------------------------------------------------------------------------------------
// Events out

/**
 * Reports a timeline event once its decryption was attempted. Called from several SDK hooks (timeline,
 * decrypted, local echo updated); the state map keeps one line per outcome, so an event first reported
 * as a decryption failure is reported again when a late room key decrypts it.
 */
function reportEvent(event) {
  const eventId = event.getId();
  const roomId = event.getRoomId();
  if (!eventId || eventId.startsWith("~") || !roomId) return; // local echo without a server id yet
  if (event.status && event.status !== sdk.EventStatus.SENT) return; // our own event, not on the server yet
  if (event.isBeingDecrypted()) return; // the Decrypted hook reports the outcome
  const encrypted = event.isEncrypted();
  if (encrypted && !event.getClearContent() && !event.isDecryptionFailure()) return; // not attempted yet
  const failure = event.isDecryptionFailure() ? String(event.decryptionFailureReason ?? "UNKNOWN_ERROR") : null;
  // On failure the SDK substitutes a fake m.room.message ("Unable to decrypt"); report the wire type instead,
  // so a test waiting for a message can never match a placeholder.
  const eventType = failure ? event.getWireType() : event.getType();
  const content = failure ? pick(event.getWireContent(), ["algorithm", "session_id", "device_id"]) : event.getContent();
  const state = `${eventType}|${failure}|${JSON.stringify(content)}`;
  if (emittedState.get(eventId) === state) return;
  emittedState.set(eventId, state);
  send({
    type: "event",
    roomId,
    eventId,
    sender: event.getSender(),
    eventType,
    stateKey: event.getStateKey() ?? null,
    content,
    encrypted,
    decryptionFailure: failure,
    originServerTs: event.getTs(),
  });
}

function pick(object, keys) {
  const out = {};
  for (const k of keys) if (object?.[k] !== undefined) out[k] = object[k];
  return out;
}

function reportInvite(roomId, inviter) {
  if (invitesSeen.has(roomId)) return;
  invitesSeen.add(roomId);
  send({ type: "invite", roomId, inviter: inviter ?? null });
}

function attachListeners(c) {
  c.on(sdk.RoomEvent.Timeline, (event, _room, _toStart, removed) => {
    if (!removed) reportEvent(event);
  });
  c.on(sdk.MatrixEventEvent.Decrypted, (event) => reportEvent(event));
  c.on(sdk.RoomEvent.LocalEchoUpdated, (event) => reportEvent(event));
  c.on(sdk.RoomMemberEvent.Membership, (event, member) => {
    if (member.userId === c.getUserId() && member.membership === "invite") reportInvite(member.roomId, event.getSender());
  });
  c.on(sdk.ClientEvent.Room, (room) => {
    if (room.getMyMembership() === "invite") reportInvite(room.roomId, room.getDMInviter?.() ?? null);
  });
}

// ---------------------------------------------------------------------------------------------------
// Commands

/** Password login (a new device) and the Rust crypto with its in-memory store; no sync yet. */
async function newDevice({ baseUrl, userId, user, password, deviceName }) {
  if (client) throw new Error("already logged in; start another citizen process for another user or device");
  if (!baseUrl || !(userId || user) || !password) throw new Error("login needs baseUrl, userId (or user) and password");
  const anonymous = sdk.createClient({ baseUrl });
  const session = await anonymous.loginRequest({
    type: "m.login.password",
    identifier: { type: "m.id.user", user: userId ?? user },
    password,
    initial_device_display_name: deviceName ?? "Amtsdesk test citizen",
  });
  const c = sdk.createClient({
    baseUrl,
    userId: session.user_id,
    deviceId: session.device_id,
    accessToken: session.access_token,
  });
  // In-memory crypto store: Node has no IndexedDB, and a test citizen lives for one process anyway.
  await c.initRustCrypto({ useIndexedDB: false });
  return { c, session };
}

async function login(args) {
  const { c, session } = await newDevice(args);
  attachListeners(c);
  client = c;
  const synced = new Promise((resolve) => {
    const onSync = (state) => {
      if (state === "PREPARED" || state === "SYNCING") {
        c.off(sdk.ClientEvent.Sync, onSync);
        resolve();
      }
    };
    c.on(sdk.ClientEvent.Sync, onSync);
  });
  // Incremental syncs use the server's default timeline limit (10 on Synapse) unless a filter says otherwise; a
  // burst of more messages (e.g. an outbox flushed after an outage) would then arrive as a gap this program never
  // backfills. 100 per room and sync is far above anything a test sends at once.
  const filter = new sdk.Filter(c.getUserId());
  filter.setDefinition({ room: { timeline: { limit: 100 } } });
  await c.startClient({ initialSyncLimit: 50, filter });
  await Promise.race([synced, sleep(WAIT_MS).then(() => Promise.reject(new Error("first sync did not finish")))]);
  for (const room of c.getRooms()) if (room.getMyMembership() === "invite") reportInvite(room.roomId, null);
  await ensureKeysUploaded(c);
  log(`logged in as ${session.user_id} device ${session.device_id}; device keys uploaded`);
  return { userId: session.user_id, deviceId: session.device_id };
}

/**
 * A peer can only share Megolm keys with devices whose identity keys AND one-time keys are on the server;
 * rooms created or joined before that stay undecryptable for us. So login returns only after both are
 * visible server-side (keys/query for the device, keys/upload's one-time key count).
 */
async function ensureKeysUploaded(c) {
  const me = c.getUserId();
  const device = c.getDeviceId();
  await waitUntil(async () => {
    const keys = await c.downloadKeysForUsers([me]);
    if (!keys.device_keys?.[me]?.[device]) return false;
    const counts = await c.http.authedRequest(sdk.Method.Post, "/keys/upload", undefined, {});
    return Object.values(counts.one_time_key_counts ?? {}).some((n) => n > 0);
  }, "our device keys and one-time keys to be uploaded");
}

// ---------------------------------------------------------------------------------------------------
// Benchmark commands (bench/run-initial-sync.sh): a device whose first sync is the measured one.

let measureOnly = false; // set by loginKeysOnly: this process only ever runs measureInitialSync

/**
 * As login, but never syncs: the device's identity and one-time keys go up through the crypto's own outgoing
 * request loop (which the sync loop would otherwise kick after each sync), and no events are reported. Peers
 * can then share room keys with this device, and they wait on the server, as to-device messages, for its first
 * sync (measureInitialSync).
 */
async function loginKeysOnly(args) {
  const { c, session } = await newDevice(args);
  client = c;
  measureOnly = true;
  c.getCrypto().onSyncCompleted({}); // "a sync completed": sends the pending keys/upload (and keys/query)
  await ensureKeysUploaded(c);
  log(`logged in as ${session.user_id} device ${session.device_id}; device keys uploaded, not syncing`);
  return { userId: session.user_id, deviceId: session.device_id };
}

/**
 * Starts the client of loginKeysOnly (its first sync: no since token, initialSyncLimit events per room) and
 * reports how long it took from startClient until expectedMessages distinct encrypted m.room.message events
 * had been decrypted successfully (MatrixEventEvent.Decrypted; a late key re-emits it). Then stops syncing.
 */
async function measureInitialSync({ expectedMessages, initialSyncLimit = 50, timeoutMs = 600_000 }) {
  const c = requireClient();
  if (!measureOnly) throw new Error("measureInitialSync needs a device from loginKeysOnly (one that never synced)");
  if (!(expectedMessages > 0)) throw new Error("measureInitialSync needs expectedMessages > 0");
  measureOnly = false; // once: only the first sync of a device finds its room keys waiting
  const decrypted = new Set();
  const failedFirst = new Set();
  const rooms = new Set();
  let syncs = 0;
  let firstSyncMs = null;
  let doneMs = null;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  let cpuAtDone = null;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  c.on(sdk.MatrixEventEvent.Decrypted, (event) => {
    if (event.isDecryptionFailure()) {
      failedFirst.add(event.getId());
      return;
    }
    if (!event.isEncrypted() || event.getType() !== "m.room.message") return;
    decrypted.add(event.getId());
    rooms.add(event.getRoomId());
    if (doneMs === null && decrypted.size >= expectedMessages) {
      doneMs = performance.now() - t0;
      cpuAtDone = process.cpuUsage(cpu0);
      resolveDone();
    }
  });
  c.on(sdk.ClientEvent.Sync, (state) => {
    if (state === "PREPARED" || state === "SYNCING") {
      syncs++;
      if (firstSyncMs === null) firstSyncMs = performance.now() - t0;
    }
  });
  await c.startClient({ initialSyncLimit });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`only ${decrypted.size} of ${expectedMessages} messages decrypted`
      + ` after ${timeoutMs} ms (${failedFirst.size} decryption failures seen)`)), timeoutMs);
  });
  try {
    await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
    c.stopClient();
  }
  const stillFailing = [...failedFirst].filter((id) => !decrypted.has(id)).length;
  return {
    ms: Math.round(doneMs),
    // CPU time of this node process (all its threads) from startClient to the last decryption.
    cpuMs: Math.round((cpuAtDone.user + cpuAtDone.system) / 1000),
    firstSyncMs: firstSyncMs === null ? null : Math.round(firstSyncMs),
    syncs,
    decrypted: decrypted.size,
    rooms: rooms.size,
    lateKeyRetries: failedFirst.size - stillFailing,
    stillFailing,
    joinedRooms: c.getRooms().filter((r) => r.getMyMembership() === "join").length,
  };
}

async function joinedRoom(roomId, what) {
  const c = requireClient();
  return waitUntil(() => {
    const room = c.getRoom(roomId);
    return room && room.getMyMembership() === "join" ? room : null;
  }, `${what}: room ${roomId} to appear as joined in our sync`);
}

async function createEncryptedRoom({ invite = [], name, isDirect = false }) {
  const c = requireClient();
  const options = {
    visibility: "private",
    preset: isDirect ? "trusted_private_chat" : "private_chat",
    invite,
    is_direct: Boolean(isDirect),
    initial_state: [{ type: "m.room.encryption", state_key: "", content: { algorithm: MEGOLM } }],
  };
  if (name) options.name = name;
  const { room_id: roomId } = await c.createRoom(options);
  await joinedRoom(roomId, "createEncryptedRoom");
  await waitUntil(() => c.getCrypto().isEncryptionEnabledInRoom(roomId), `encryption to be enabled in ${roomId}`);
  if (isDirect && invite.length > 0) {
    // As Element does: list the DM in m.direct so the room shows as a direct chat.
    const direct = { ...(c.getAccountData("m.direct")?.getContent() ?? {}) };
    for (const userId of invite) direct[userId] = [...new Set([...(direct[userId] ?? []), roomId])];
    await c.setAccountData("m.direct", direct);
  }
  return { roomId };
}

/**
 * A room WITHOUT encryption, as some Matrix apps still create: for tests that the agency never answers in clear.
 * `encryptionPowerLevel` raises the power level needed to send m.room.encryption (e.g. 100: the agency, invited
 * with the default 0, may then not turn encryption on).
 */
async function createPlainRoom({ invite = [], name, encryptionPowerLevel }) {
  const c = requireClient();
  const options = { visibility: "private", preset: "private_chat", invite };
  if (name) options.name = name;
  if (encryptionPowerLevel !== undefined) {
    options.power_level_content_override = { events: { "m.room.encryption": encryptionPowerLevel } };
  }
  const { room_id: roomId } = await c.createRoom(options);
  await joinedRoom(roomId, "createPlainRoom");
  return { roomId };
}

/**
 * How this citizen's client sees another user's devices: whether each is signed by its owner's cross-signing
 * identity (`signedByOwner`, matrix-js-sdk's DeviceVerificationStatus). Fresh from the server each time.
 */
async function deviceTrust({ userId }) {
  const crypto = requireClient().getCrypto();
  const devices = await crypto.getUserDeviceInfo([userId], true);
  const out = [];
  for (const deviceId of (devices.get(userId) ?? new Map()).keys()) {
    const status = await crypto.getDeviceVerificationStatus(userId, deviceId);
    out.push({
      deviceId,
      signedByOwner: status?.signedByOwner ?? false,
      crossSigningVerified: status?.crossSigningVerified ?? false,
    });
  }
  return { devices: out };
}

async function invite({ roomId, userId }) {
  await requireClient().invite(roomId, userId);
  return {};
}

async function joinRoom({ roomId }) {
  const c = requireClient();
  await c.joinRoom(roomId);
  const room = await joinedRoom(roomId, "joinRoom");
  return { roomId, encrypted: room.hasEncryptionStateEvent() };
}

async function setDisplayName({ displayName }) {
  await requireClient().setDisplayName(displayName);
  return {};
}

/**
 * Sending into a room whose encryption state our sync has not delivered yet would go out in PLAINTEXT
 * (the SDK decides per room). A test peer that silently sends plaintext would make tests lie, so wait
 * for the encryption state and refuse otherwise unless the caller explicitly allows it.
 */
async function roomForSending(roomId, allowUnencrypted) {
  const c = requireClient();
  await joinedRoom(roomId, "send");
  if (allowUnencrypted) return;
  try {
    await waitUntil(() => c.getCrypto().isEncryptionEnabledInRoom(roomId), `encryption in ${roomId}`, 10_000);
  } catch {
    throw new Error(`room ${roomId} is not encrypted; refusing to send plaintext (pass allowUnencrypted: true)`);
  }
}

async function sendText({ roomId, body, msgtype = "m.text", allowUnencrypted = false }) {
  await roomForSending(roomId, allowUnencrypted);
  const { event_id: eventId } = await client.sendEvent(roomId, "m.room.message", { msgtype, body });
  return { eventId };
}

/** Sends many texts into one room, one after the other (for bulk set-ups); returns their event ids in order. */
async function sendTexts({ roomId, bodies, msgtype = "m.text", allowUnencrypted = false }) {
  if (!Array.isArray(bodies) || bodies.length === 0) throw new Error("sendTexts needs bodies[]");
  await roomForSending(roomId, allowUnencrypted);
  const eventIds = [];
  for (const body of bodies) {
    const { event_id: eventId } = await client.sendEvent(roomId, "m.room.message", { msgtype, body });
    eventIds.push(eventId);
  }
  return { eventIds };
}

function msgtypeFor(mimetype) {
  if (mimetype.startsWith("image/")) return "m.image";
  if (mimetype.startsWith("video/")) return "m.video";
  if (mimetype.startsWith("audio/")) return "m.audio";
  return "m.file";
}

/** Encrypts with matrix-encrypt-attachment (what Element uses), uploads the ciphertext, sends the EncryptedFile. */
async function sendFile({ roomId, path, mimetype = "application/octet-stream", name, allowUnencrypted = false }) {
  await roomForSending(roomId, allowUnencrypted);
  const plaintext = await readFile(path);
  const fileName = name ?? basename(path);
  const encrypted = await encryptAttachment(
    plaintext.buffer.slice(plaintext.byteOffset, plaintext.byteOffset + plaintext.byteLength),
  );
  // The server only ever sees ciphertext: generic type, no file name.
  const upload = await client.uploadContent(new Blob([encrypted.data]), {
    type: "application/octet-stream",
    includeFilename: false,
  });
  const content = {
    msgtype: msgtypeFor(mimetype),
    body: fileName,
    filename: fileName,
    info: { mimetype, size: plaintext.length },
    file: { ...encrypted.info, url: upload.content_uri },
  };
  const { event_id: eventId } = await client.sendEvent(roomId, "m.room.message", content);
  return { eventId, mxcUrl: upload.content_uri, sha256: sha256Hex(plaintext) };
}

function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Our decrypted copy of an event: from the timeline if we have it (waiting for a late key), else fetched. */
async function decryptedEvent(roomId, eventId) {
  const c = requireClient();
  let lastFailure = null;
  try {
    return await waitUntil(() => {
      const event = c.getRoom(roomId)?.findEventById(eventId);
      if (!event || event.isBeingDecrypted()) return null;
      if (event.isDecryptionFailure()) {
        lastFailure = event.decryptionFailureReason;
        return null;
      }
      return event;
    }, `event ${eventId} in our timeline of ${roomId}`, 15_000);
  } catch (e) {
    if (lastFailure) throw new Error(`event ${eventId} could not be decrypted: ${lastFailure}`);
  }
  const event = new sdk.MatrixEvent(await c.fetchRoomEvent(roomId, eventId));
  await c.decryptEventIfNeeded(event);
  if (event.isDecryptionFailure()) {
    throw new Error(`event ${eventId} could not be decrypted: ${event.decryptionFailureReason}`);
  }
  return event;
}

async function downloadFile({ roomId, eventId, destPath }) {
  const c = requireClient();
  const event = await decryptedEvent(roomId, eventId);
  const content = event.getContent();
  const file = content.file; // EncryptedFile; plain `url` only in unencrypted rooms
  const mxcUrl = file?.url ?? content.url;
  if (!mxcUrl) throw new Error(`event ${eventId} (${event.getType()}/${content.msgtype}) carries no attachment`);
  // Authenticated media (/_matrix/client/v1/media) when the server speaks spec v1.11+, as the SDK does.
  const authenticated = await c.isVersionSupported("v1.11");
  const httpUrl = c.mxcUrlToHttp(mxcUrl, undefined, undefined, undefined, false, true, authenticated);
  const response = await fetch(httpUrl, {
    headers: authenticated ? { Authorization: `Bearer ${c.getAccessToken()}` } : {},
  });
  if (!response.ok) throw new Error(`downloading ${mxcUrl} failed: HTTP ${response.status}`);
  const downloaded = await response.arrayBuffer();
  // decryptAttachment checks the ciphertext's SHA-256 from the event before decrypting.
  const plaintext = Buffer.from(file ? await decryptAttachment(downloaded, file) : downloaded);
  await mkdir(dirname(destPath), { recursive: true });
  await writeFile(destPath, plaintext);
  return {
    sha256: sha256Hex(plaintext),
    size: plaintext.length,
    name: content.filename ?? content.body ?? null,
    mimetype: content.info?.mimetype ?? null,
    msgtype: content.msgtype ?? null,
    encrypted: Boolean(file),
  };
}

// A public read receipt (m.read, unthreaded) for one event, as Element sends when the citizen has seen it:
// POST /rooms/{roomId}/receipt/m.read/{eventId} through the SDK.
async function sendReadReceipt({ roomId, eventId }) {
  const c = requireClient();
  const event = await decryptedEvent(roomId, eventId);
  await c.sendReadReceipt(event, sdk.ReceiptType.Read, true);
  return { eventId };
}

// Polls: two namespaces are in use. Element sends the unstable org.matrix.msc3381.* types; the stable m.poll.*
// ones exist too. A response must use the namespace of the start it answers. Content shapes follow the SDK's
// own definitions (matrix-js-sdk @types/polls).
const POLL_NAMESPACES = {
  stable: { start: "m.poll.start", response: "m.poll.response", text: "m.text", kind: "m.poll.disclosed" },
  unstable: {
    start: "org.matrix.msc3381.poll.start",
    response: "org.matrix.msc3381.poll.response",
    text: "org.matrix.msc1767.text",
    kind: "org.matrix.msc3381.poll.disclosed",
  },
};

async function sendPoll({ roomId, question, answers, stable = false, maxSelections = 1, allowUnencrypted = false }) {
  await roomForSending(roomId, allowUnencrypted);
  if (!question || !Array.isArray(answers) || answers.length === 0) throw new Error("sendPoll needs question and answers");
  const ns = stable ? POLL_NAMESPACES.stable : POLL_NAMESPACES.unstable;
  const list = answers.map((a, i) => (typeof a === "string" ? { id: `answer-${i + 1}`, text: a } : a));
  const content = {
    [ns.start]: {
      question: { [ns.text]: question },
      kind: ns.kind,
      max_selections: maxSelections,
      answers: list.map((a) => ({ id: a.id, [ns.text]: a.text })),
    },
    [ns.text]: `${question}\n${list.map((a, i) => `${i + 1}. ${a.text}`).join("\n")}`,
  };
  const { event_id: eventId } = await client.sendEvent(roomId, ns.start, content);
  return { eventId, answerIds: list.map((a) => a.id) };
}

async function answerPoll({ roomId, pollStartEventId, answerIds, allowUnencrypted = false }) {
  await roomForSending(roomId, allowUnencrypted);
  if (!Array.isArray(answerIds) || answerIds.length === 0) throw new Error("answerPoll needs answerIds");
  const start = await decryptedEvent(roomId, pollStartEventId);
  const ns = Object.values(POLL_NAMESPACES).find((n) => n.start === start.getType());
  if (!ns) throw new Error(`event ${pollStartEventId} is a ${start.getType()}, not a poll start`);
  const poll = start.getContent()[ns.start] ?? {};
  const known = (poll.answers ?? []).map((a) => a.id ?? a["m.id"]).filter(Boolean);
  const unknown = answerIds.filter((id) => known.length > 0 && !known.includes(id));
  if (unknown.length > 0) throw new Error(`unknown answer id(s) ${unknown.join(", ")}; the poll offers ${known.join(", ")}`);
  const content = {
    "m.relates_to": { rel_type: "m.reference", event_id: pollStartEventId },
    [ns.response]: { answers: answerIds },
  };
  const { event_id: eventId } = await client.sendEvent(roomId, ns.response, content);
  return { eventId, eventType: ns.response };
}

/**
 * Reads a poll start the citizen received the way Element does: decrypted, then parsed by matrix-js-sdk's own
 * PollStartEvent (extensible_events_v1), which picks the unstable or stable names, reads max_selections ("a finite
 * number above 0, else 1"), matches the kind against M_POLL_KIND_DISCLOSED and keeps the first 20 answers. A poll it
 * cannot parse fails here with the SDK's own error.
 */
async function readPoll({ roomId, eventId }) {
  const event = await decryptedEvent(roomId, eventId);
  const { PollStartEvent } = await import("matrix-js-sdk/lib/extensible_events_v1/PollStartEvent.js");
  const { M_POLL_KIND_DISCLOSED } = await import("matrix-js-sdk/lib/@types/polls.js");
  const poll = new PollStartEvent({ type: event.getType(), content: event.getContent() });
  return {
    eventType: event.getType(),
    encrypted: event.isEncrypted(),
    sender: event.getSender(),
    question: poll.question.text,
    answers: poll.answers.map((a) => ({ id: a.id, text: a.text })),
    maxSelections: poll.maxSelections,
    rawKind: poll.rawKind ?? null,
    disclosed: poll.kind === M_POLL_KIND_DISCLOSED,
  };
}

/** The room's live timeline in server order, decrypted: for checks on order and duplicates (arrival order of
 * decryptions is not server order: the SDK decrypts the newest event first). */
async function timeline({ roomId }) {
  const room = client?.getRoom(roomId);
  if (!room) throw new Error(`unknown room ${roomId}`);
  const events = room.getLiveTimeline().getEvents();
  for (const ev of events) await client.decryptEventIfNeeded(ev);
  return {
    // wireType and encrypted say how the event travelled: a test can prove a reply never went out in clear.
    events: events.map((ev) => ({
      eventId: ev.getId(),
      type: ev.getType(),
      wireType: ev.getWireType(),
      encrypted: ev.isEncrypted(),
      sender: ev.getSender(),
      body: ev.getContent()?.body ?? null,
    })),
    encryptionEnabled: await client.getCrypto().isEncryptionEnabledInRoom(roomId),
  };
}

const COMMANDS = {
  timeline,
  ping: async () => ({ loggedIn: Boolean(client) }),
  login,
  createEncryptedRoom,
  createPlainRoom,
  invite,
  deviceTrust,
  joinRoom,
  setDisplayName,
  sendText,
  sendTexts,
  sendFile,
  downloadFile,
  sendReadReceipt,
  sendPoll,
  answerPoll,
  readPoll,
  loginKeysOnly,
  measureInitialSync,
  stop: async () => {
    setImmediate(shutdown);
    return {};
  },
};

// ---------------------------------------------------------------------------------------------------
// Protocol loop

function describeError(e) {
  if (e instanceof sdk.MatrixError) return `${e.errcode ?? "M_UNKNOWN"} (HTTP ${e.httpStatus}): ${e.data?.error ?? e.message}`;
  return e?.message ?? String(e);
}

async function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    send({ id: null, ok: false, error: `not JSON: ${line.slice(0, 200)}` });
    return;
  }
  const { id, cmd, ...args } = request;
  const command = COMMANDS[cmd];
  if (!command) {
    send({ id, ok: false, error: `unknown cmd '${cmd}'; known: ${Object.keys(COMMANDS).join(", ")}` });
    return;
  }
  try {
    const result = await command(args);
    send({ id, ok: true, ...result });
  } catch (e) {
    log(`cmd ${cmd} (id ${id}) failed:`, e?.stack ?? e);
    send({ id, ok: false, error: describeError(e) });
  }
}

let shuttingDown = false;
async function shutdown() {
  if (shuttingDown) return;
  shuttingDown = true;
  try {
    client?.stopClient();
  } catch (e) {
    log("stopClient failed:", e);
  }
  // The SDK and the WASM crypto keep timers alive; leave explicitly once stdout is flushed.
  protocolOut.write("", () => process.exit(0));
}

process.on("unhandledRejection", (e) => log("unhandled rejection:", e?.stack ?? e));
process.on("SIGTERM", shutdown);
const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on("line", (line) => {
  if (line.trim()) handle(line);
});
input.on("close", shutdown);
log(`ready (matrix-js-sdk, node ${process.version})`);
