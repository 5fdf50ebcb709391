package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.templates.TemplateLibrary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The unit's cases in memory, as folded from the staff log. Only {@link CaseLog} changes it (under the write
 * lock, one input at a time); the UI and the store read it from any thread and always see whole inputs applied.
 */
public final class CaseBook {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    // Insertion order is server order of the created events: a stable default order for the queue.
    private final Map<String, Case> cases = new LinkedHashMap<>();
    private final Map<String, String> caseIdByRoom = new HashMap<>();
    private final Map<String, List<Moment>> pendingRoomMoments = new HashMap<>();
    private final Map<String, Long> referenceCounters = new HashMap<>();
    private final Set<String> references = new HashSet<>();
    private final Set<String> seenEventIds = new HashSet<>();
    private UnitPolicy policy;
    private StaffRoom staffRoom = StaffRoom.empty();
    private TemplateLibrary templates = TemplateLibrary.empty();
    private MacroLibrary macros = MacroLibrary.empty();
    private UnitRoster roster = UnitRoster.empty();
    /** Notice sign-offs per case, then per draft hash, in the order requested (ADR 0017). */
    private final Map<String, Map<String, NoticeSignOff>> signOffs = new LinkedHashMap<>();
    /** Delivery evidence of sent notices per case, then per file event ID, in the order sent (ADR 0017). */
    private final Map<String, Map<String, NoticeDelivery>> deliveries = new LinkedHashMap<>();
    private long staffOrder;
    private String lastStaffEventId;

    public CaseBook(UnitPolicy initialPolicy) {
        this.policy = initialPolicy;
    }

    /** A book as it was when {@code snapshot} was taken. */
    public static CaseBook restore(FoldSnapshot snapshot) {
        CaseBook book = new CaseBook(snapshot.policy());
        snapshot.cases().forEach(book::putCase);
        snapshot.pendingRoomMoments().forEach((room, moments) -> book.pendingRoomMoments.put(room, new ArrayList<>(moments)));
        book.referenceCounters.putAll(snapshot.referenceCounters());
        book.seenEventIds.addAll(snapshot.seenEventIds());
        book.staffRoom = snapshot.staffRoom();
        book.templates = TemplateLibrary.of(snapshot.templates());
        book.macros = MacroLibrary.of(snapshot.macros());
        book.roster = UnitRoster.of(snapshot.unitMembers());
        snapshot.noticeSignOffs().forEach(book::putSignOff);
        snapshot.noticeDeliveries().forEach(book::putDelivery);
        book.staffOrder = snapshot.staffOrder();
        book.lastStaffEventId = snapshot.lastStaffEventId();
        return book;
    }

    public FoldSnapshot snapshot() {
        return read(() -> {
            Map<String, List<Moment>> pending = new HashMap<>();
            pendingRoomMoments.forEach((room, moments) -> pending.put(room, List.copyOf(moments)));
            return new FoldSnapshot(List.copyOf(cases.values()), pending, referenceCounters, policy, staffRoom,
                    templates.all(), macros.all(), roster.all(),
                    signOffs.values().stream().flatMap(m -> m.values().stream()).toList(),
                    deliveries.values().stream().flatMap(m -> m.values().stream()).toList(), seenEventIds, staffOrder,
                    lastStaffEventId);
        });
    }

    /** The sign-off of that exact notice draft in that case, if one was requested (ADR 0017). */
    public Optional<NoticeSignOff> signOff(String caseId, String sha256) {
        return read(() -> Optional.ofNullable(signOffs.getOrDefault(caseId, Map.of()).get(sha256)));
    }

    /** Every notice sign-off of a case, in the order they were requested. */
    public List<NoticeSignOff> signOffs(String caseId) {
        return read(() -> List.copyOf(signOffs.getOrDefault(caseId, Map.of()).values()));
    }

    /** Delivery evidence of every notice sent in a case, in the order sent (ADR 0017). */
    public List<NoticeDelivery> deliveries(String caseId) {
        return read(() -> List.copyOf(deliveries.getOrDefault(caseId, Map.of()).values()));
    }

    /** The delivery evidence of the notice sent as that file event, if recorded. */
    public Optional<NoticeDelivery> delivery(String caseId, String fileEventId) {
        return read(() -> Optional.ofNullable(deliveries.getOrDefault(caseId, Map.of()).get(fileEventId)));
    }

    NoticeDelivery deliveryOrNull(String caseId, String fileEventId) {
        return deliveries.getOrDefault(caseId, Map.of()).get(fileEventId);
    }

    void putDelivery(NoticeDelivery delivery) {
        deliveries.computeIfAbsent(delivery.caseId(), id -> new LinkedHashMap<>()).put(delivery.eventId(), delivery);
    }

    NoticeSignOff signOffOrNull(String caseId, String sha256) {
        return signOffs.getOrDefault(caseId, Map.of()).get(sha256);
    }

    void putSignOff(NoticeSignOff signOff) {
        signOffs.computeIfAbsent(signOff.caseId(), id -> new LinkedHashMap<>()).put(signOff.sha256(), signOff);
    }

    public Optional<Case> find(String caseId) {
        return read(() -> Optional.ofNullable(cases.get(caseId)));
    }

    public Optional<Case> findByRoom(String roomId) {
        return read(() -> Optional.ofNullable(caseIdByRoom.get(roomId)).map(cases::get));
    }

    /** All cases in the order they were created. */
    public List<Case> cases() {
        return read(() -> List.copyOf(cases.values()));
    }

    public int size() {
        return read(cases::size);
    }

    public UnitPolicy policy() {
        return read(() -> policy);
    }

    public StaffRoom staffRoom() {
        return read(() -> staffRoom);
    }

    public TemplateLibrary templates() {
        return read(() -> templates);
    }

    /** The unit's macros, as published by its leads. */
    public MacroLibrary macros() {
        return read(() -> macros);
    }

    /** Capacity, competence and absence of the unit's caseworkers, as set by its leads (ADR 0014). */
    public UnitRoster roster() {
        return read(() -> roster);
    }

    /** The last staff-room event folded: where the transport resumes after a restore. */
    public Optional<String> lastStaffEventId() {
        return read(() -> Optional.ofNullable(lastStaffEventId));
    }

    private <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- used by the fold only, under the write lock ----

    void lockForWrite() {
        lock.writeLock().lock();
    }

    void unlockWrite() {
        lock.writeLock().unlock();
    }

    Case caseOrNull(String caseId) {
        return cases.get(caseId);
    }

    String caseIdForRoom(String roomId) {
        return caseIdByRoom.get(roomId);
    }

    Iterable<Case> allCases() {
        return cases.values();
    }

    void putCase(Case updated) {
        if (cases.put(updated.id(), updated) == null) {
            // ID, room and reference never change, so the indexes only learn about new cases.
            caseIdByRoom.put(updated.roomId(), updated.id());
            references.add(updated.reference());
        }
    }

    /** First sight of an event ID; false for a duplicate delivery. */
    boolean markSeen(String eventId) {
        return seenEventIds.add(eventId);
    }

    long nextStaffOrder(String eventId) {
        lastStaffEventId = eventId;
        return ++staffOrder;
    }

    List<Moment> pendingMoments(String roomId) {
        return pendingRoomMoments.getOrDefault(roomId, List.of());
    }

    void dropPendingMoments(String roomId) {
        pendingRoomMoments.remove(roomId);
    }

    void addPendingMoment(String roomId, Moment moment) {
        pendingRoomMoments.computeIfAbsent(roomId, r -> new ArrayList<>()).add(moment);
    }

    /** A reference number chosen but not yet taken; {@link #take} commits it. */
    record ReferenceAllocation(String counterKey, long sequence, String reference) {
    }

    /** Next free number for the counter; skips renderings already taken (possible after a pattern change). */
    ReferenceAllocation nextReference(ReferencePattern pattern, String unit, int year) {
        String key = pattern.counterKey(unit, year);
        long sequence = referenceCounters.getOrDefault(key, 0L);
        String reference;
        do {
            sequence++;
            reference = pattern.format(unit, year, sequence);
        } while (references.contains(reference));
        return new ReferenceAllocation(key, sequence, reference);
    }

    void take(ReferenceAllocation allocation) {
        referenceCounters.put(allocation.counterKey(), allocation.sequence());
        references.add(allocation.reference());
    }

    UnitPolicy currentPolicy() {
        return policy;
    }

    void setPolicy(UnitPolicy newPolicy) {
        policy = newPolicy;
    }

    StaffRoom currentStaffRoom() {
        return staffRoom;
    }

    void setStaffRoom(StaffRoom room) {
        staffRoom = room;
    }

    TemplateLibrary currentTemplates() {
        return templates;
    }

    void setTemplates(TemplateLibrary library) {
        templates = library;
    }

    MacroLibrary currentMacros() {
        return macros;
    }

    void setMacros(MacroLibrary library) {
        macros = library;
    }

    UnitRoster currentRoster() {
        return roster;
    }

    void setRoster(UnitRoster newRoster) {
        roster = newRoster;
    }
}
