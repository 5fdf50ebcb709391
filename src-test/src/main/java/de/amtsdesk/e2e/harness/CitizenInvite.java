package de.amtsdesk.e2e.harness;

/** The citizen was invited to a room (inviter may be null when the SDK did not tell). */
public record CitizenInvite(String roomId, String inviter) {}
