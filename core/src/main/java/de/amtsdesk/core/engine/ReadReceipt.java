package de.amtsdesk.core.engine;

/**
 * One {@code m.read} receipt from a room's ephemeral {@code m.receipt} event in {@code /sync}: content
 * {@code {"$event": {"m.read": {"@user": {"ts": 1436451550453, "thread_id"?: "main"}}}}} (Matrix spec, receipt
 * module). {@code m.read.private} receipts are only ever visible to their sender and are not reported.
 *
 * @param threadId the receipt's {@code thread_id}, null for an unthreaded receipt
 * @param ts       the receipt's timestamp (milliseconds since 1970) as the homeserver reports it; 0 if absent
 */
public record ReadReceipt(String roomId, String eventId, String userId, long ts, String threadId) {
}
