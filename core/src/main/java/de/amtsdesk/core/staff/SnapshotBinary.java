package de.amtsdesk.core.staff;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.CaseTimeline;
import de.amtsdesk.core.cases.FoldSnapshot;
import de.amtsdesk.core.cases.Moment;
import de.amtsdesk.core.cases.Note;
import de.amtsdesk.core.cases.sla.CaseSla;
import de.amtsdesk.core.cases.sla.SlaClock;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Snapshot format 2: the bulk of a {@link FoldSnapshot} (cases, pending moments, seen event IDs) as compact binary,
 * deflated; the unit's small parts (policy, staff room, templates, macros, counters) as format-1 JSON inside it.
 *
 * <p>Why: restoring 10,000 cases from the format-1 JSON (12.8 MB, every instant an ISO string) took 1–2 s of the
 * caseworker's start-up, most of it parsing the JSON tree and the instants. Here instants are numbers, repeated
 * strings (user IDs, statuses, moment kinds) are written once and then referred to by index, and the whole is
 * deflated, so the encrypted store reads a tenth of the bytes. The unit's parts stay JSON, so a field added to them
 * needs no second codec.
 *
 * <p>Layout: magic {@code ADSB}, version byte, then the deflated stream: unit JSON (length + UTF-8), cases,
 * pending room moments, seen event IDs. Strings go through a table: 0 null, 1 a new string (length + UTF-8), n ≥ 2
 * the (n−2)th string written before. Counts and numbers are unsigned LEB128 varints, signed ones zig-zagged.
 */
final class SnapshotBinary {

    private static final byte[] MAGIC = {'A', 'D', 'S', 'B'};
    private static final int VERSION = 1;
    /** Far above any real unit (10,000 cases is the benchmark); a damaged count must not allocate gigabytes. */
    private static final int MAX_COUNT = 50_000_000;
    private static final int MAX_STRING_BYTES = 64 * 1024 * 1024;
    /** 10,000 cases take about 4 MB; a bomb of zeros must not take the heap. */
    private static final int MAX_INFLATED = 1 << 30;

    private SnapshotBinary() {
    }

    static byte[] encode(FoldSnapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        bytes.writeBytes(MAGIC);
        bytes.write(VERSION);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (Writer out = new Writer(new DeflaterOutputStream(bytes, deflater, 1 << 16))) {
            byte[] unit = SnapshotCodec.encode(unitPart(snapshot)).getBytes(StandardCharsets.UTF_8);
            out.varint(unit.length);
            out.raw(unit);
            out.varint(snapshot.cases().size());
            for (Case c : snapshot.cases()) {
                writeCase(out, c);
            }
            Map<String, List<Moment>> pending = new TreeMap<>(snapshot.pendingRoomMoments());
            out.varint(pending.size());
            for (Map.Entry<String, List<Moment>> e : pending.entrySet()) {
                out.string(e.getKey());
                writeMoments(out, e.getValue());
            }
            // Sorted, as the pending rooms above: the same snapshot gives the same bytes whatever order its set
            // iterates in (the set read back is built in the stored order, not in hash order).
            String[] seen = snapshot.seenEventIds().toArray(String[]::new);
            java.util.Arrays.sort(seen);
            out.varint(seen.length);
            for (String id : seen) {
                out.string(id);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    static FoldSnapshot decode(byte[] data) throws IOException {
        if (data.length < MAGIC.length + 1) {
            throw new IOException("too short for a snapshot");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) {
                throw new IOException("not a binary snapshot");
            }
        }
        if (data[MAGIC.length] != VERSION) {
            throw new IOException("binary snapshot version " + data[MAGIC.length] + " is not " + VERSION);
        }
        byte[] plain;
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try (InputStream inflated = new InflaterInputStream(new java.io.ByteArrayInputStream(data,
                MAGIC.length + 1, data.length - MAGIC.length - 1), inflater, 1 << 16)) {
            // Whole, then parsed from the array: a byte at a time through the inflater stream was half the time.
            plain = inflated.readNBytes(MAX_INFLATED);
            if (inflated.read() != -1) {
                throw new IOException("a snapshot larger than " + MAX_INFLATED + " bytes");
            }
        } finally {
            inflater.end();
        }
        try {
            Reader in = new Reader(plain);
            FoldSnapshot unit = SnapshotCodec.decode(SnapshotCodec.FORMAT,
                    in.utf8(in.count(MAX_STRING_BYTES)));
            int caseCount = in.count(MAX_COUNT);
            List<Case> cases = new ArrayList<>(Math.min(caseCount, 1 << 16));
            for (int i = 0; i < caseCount; i++) {
                cases.add(readCase(in));
            }
            int pendingCount = in.count(MAX_COUNT);
            Map<String, List<Moment>> pending = new HashMap<>();
            for (int i = 0; i < pendingCount; i++) {
                pending.put(in.requiredString(), readMoments(in));
            }
            int seenCount = in.count(MAX_COUNT);
            String[] seenIds = new String[seenCount];
            for (int i = 0; i < seenCount; i++) {
                seenIds[i] = in.requiredString();
            }
            Set<String> seen = immutableSet(seenIds);
            if (!in.atEnd()) {
                throw new IOException("data after the snapshot's end");
            }
            return new FoldSnapshot(cases, pending, unit.referenceCounters(), unit.policy(), unit.staffRoom(),
                    unit.templates(), unit.macros(), unit.unitMembers(), unit.noticeSignOffs(),
                    unit.noticeDeliveries(), seen, unit.staffOrder(),
                    unit.lastStaffEventId());
        } catch (SnapshotCodec.UnreadableSnapshotException e) {
            throw new IOException("the unit part: " + e.getMessage(), e);
        }
    }

    /**
     * The IDs as the immutable set the snapshot keeps, built in one pass (the start restores some 40,000 of them; a
     * set built first and then copied hashed each ID three times). A snapshot never holds an ID twice, but one that
     * does still reads.
     */
    static Set<String> immutableSet(String[] ids) {
        try {
            return Set.of(ids);
        } catch (IllegalArgumentException duplicate) {
            return Set.copyOf(java.util.Arrays.asList(ids));
        }
    }

    /** The snapshot without its bulk: what goes into the JSON part. */
    private static FoldSnapshot unitPart(FoldSnapshot s) {
        // The canonical constructor, never a shorter one: a part added to the record must be named here.
        return new FoldSnapshot(List.of(), Map.of(), s.referenceCounters(), s.policy(), s.staffRoom(), s.templates(),
                s.macros(), s.unitMembers(), s.noticeSignOffs(), s.noticeDeliveries(), Set.of(), s.staffOrder(), s.lastStaffEventId());
    }

    private static void writeCase(Writer out, Case c) throws IOException {
        out.string(c.id());
        out.string(c.roomId());
        out.string(c.citizenId());
        out.string(c.citizenName());
        out.string(c.reference());
        out.instant(c.createdAt());
        out.string(c.createdBy());
        out.string(c.type());
        out.string(c.status().wireName());
        out.string(c.assignee());
        out.varint(c.tags().size());
        for (String tag : c.tags()) {
            out.string(tag);
        }
        out.varint(c.notes().size());
        for (Note note : c.notes()) {
            out.string(note.eventId());
            out.string(note.author());
            out.instant(note.at());
            out.string(note.text());
        }
        writeMoments(out, c.timeline().moments());
        if (c.sla() == null) {
            out.varint(0);
        } else {
            out.varint(1);
            writeClock(out, c.sla().firstResponse());
            writeClock(out, c.sla().nextResponse());
            writeClock(out, c.sla().resolution());
        }
    }

    private static Case readCase(Reader in) throws IOException {
        String id = in.string();
        String room = in.string();
        String citizen = in.string();
        String citizenName = in.string();
        String reference = in.string();
        Instant createdAt = in.instant();
        String createdBy = in.string();
        String type = in.string();
        CaseStatus status = status(in.string());
        String assignee = in.string();
        int tagCount = in.count(MAX_COUNT);
        List<String> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            tags.add(in.requiredString());
        }
        int noteCount = in.count(MAX_COUNT);
        List<Note> notes = new ArrayList<>(noteCount);
        for (int i = 0; i < noteCount; i++) {
            notes.add(new Note(in.string(), in.string(), in.instant(), in.string()));
        }
        List<Moment> moments = readMoments(in);
        CaseSla sla = switch (in.count(1)) {
            case 0 -> null;
            default -> new CaseSla(readClock(in), readClock(in), readClock(in));
        };
        try {
            return new Case(id, room, citizen, citizenName, reference, createdAt, createdBy, type, status, assignee,
                    tags, notes, CaseTimeline.of(moments), sla);
        } catch (RuntimeException e) {
            throw new IOException("a case that cannot be: " + e.getMessage(), e);
        }
    }

    private static void writeMoments(Writer out, List<Moment> moments) throws IOException {
        out.varint(moments.size());
        for (Moment m : moments) {
            out.instant(m.at());
            out.string(m.kind().name());
            out.string(m.status() == null ? null : m.status().wireName());
            out.signed(m.staffOrder());
        }
    }

    private static List<Moment> readMoments(Reader in) throws IOException {
        int count = in.count(MAX_COUNT);
        List<Moment> moments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = in.instant();
            Moment.Kind kind;
            try {
                kind = Moment.Kind.valueOf(in.requiredString());
            } catch (IllegalArgumentException e) {
                throw new IOException("unknown moment kind", e);
            }
            String status = in.string();
            moments.add(new Moment(at, kind, status == null ? null : status(status), in.signed()));
        }
        return moments;
    }

    private static void writeClock(Writer out, SlaClock clock) throws IOException {
        if (clock == null) {
            out.varint(0);
            return;
        }
        out.varint(1);
        out.instant(clock.started());
        out.duration(clock.target());
        out.instant(clock.due());
        out.instant(clock.met());
        out.instant(clock.pausedSince());
        out.duration(clock.remaining());
    }

    private static SlaClock readClock(Reader in) throws IOException {
        if (in.count(1) == 0) {
            return null;
        }
        try {
            return new SlaClock(in.instant(), in.duration(), in.instant(), in.instant(), in.instant(),
                    in.duration());
        } catch (RuntimeException e) {
            throw new IOException("an SLA clock that cannot be: " + e.getMessage(), e);
        }
    }

    private static CaseStatus status(String wire) throws IOException {
        if (wire == null) {
            throw new IOException("a status is missing");
        }
        return CaseStatus.fromWireName(wire).orElseThrow(() -> new IOException("unknown status " + wire));
    }

    /** Varints, zig-zag longs, and strings through the table. */
    private static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private final Map<String, Integer> table = new HashMap<>();

        Writer(OutputStream out) {
            this.out = new DataOutputStream(out);
        }

        void varint(long value) throws IOException {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        void signed(long value) throws IOException {
            varint((value << 1) ^ (value >> 63));
        }

        void raw(byte[] bytes) throws IOException {
            out.write(bytes);
        }

        void string(String s) throws IOException {
            if (s == null) {
                varint(0);
                return;
            }
            Integer known = table.get(s);
            if (known != null) {
                varint(known + 2L);
                return;
            }
            table.put(s, table.size());
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(1);
            varint(utf8.length);
            out.write(utf8);
        }

        void instant(Instant at) throws IOException {
            if (at == null) {
                varint(0);
                return;
            }
            varint(1);
            signed(at.getEpochSecond());
            varint(at.getNano());
        }

        void duration(Duration d) throws IOException {
            if (d == null) {
                varint(0);
                return;
            }
            varint(1);
            signed(d.getSeconds());
            varint(d.getNano());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** The reading side, over the inflated bytes; every count and index is checked, so damage is an IOException. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;
        private final List<String> table = new ArrayList<>();

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean atEnd() {
            return at == bytes.length;
        }

        private int next() throws IOException {
            if (at >= bytes.length) {
                throw new EOFException("the snapshot ends early");
            }
            return bytes[at++] & 0xFF;
        }

        long varint() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IOException("a number longer than 64 bits");
        }

        long signed() throws IOException {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        int count(int max) throws IOException {
            long n = varint();
            if (n < 0 || n > max) {
                throw new IOException("a count of " + Long.toUnsignedString(n) + " (at most " + max + ")");
            }
            return (int) n;
        }

        String utf8(int length) throws IOException {
            if (length > bytes.length - at) {
                throw new EOFException("the snapshot ends early");
            }
            String s = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return s;
        }

        String string() throws IOException {
            long tag = varint();
            if (tag == 0) {
                return null;
            }
            if (tag == 1) {
                String s = utf8(count(MAX_STRING_BYTES));
                table.add(s);
                return s;
            }
            if (tag - 2 >= table.size()) {
                throw new IOException("a string reference beyond the table");
            }
            return table.get((int) (tag - 2));
        }

        String requiredString() throws IOException {
            String s = string();
            if (s == null) {
                throw new IOException("a required string is missing");
            }
            return s;
        }

        Instant instant() throws IOException {
            if (count(1) == 0) {
                return null;
            }
            long seconds = signed();
            int nanos = count(999_999_999);
            try {
                return Instant.ofEpochSecond(seconds, nanos);
            } catch (java.time.DateTimeException e) {
                throw new IOException("an instant out of range", e);
            }
        }

        Duration duration() throws IOException {
            if (count(1) == 0) {
                return null;
            }
            long seconds = signed();
            int nanos = count(999_999_999);
            return Duration.ofSeconds(seconds, nanos);
        }
    }
}
