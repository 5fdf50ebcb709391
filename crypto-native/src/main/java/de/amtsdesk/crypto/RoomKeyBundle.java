package de.amtsdesk.crypto;

import java.util.Objects;

/**
 * A room's history as an MSC4268 room key bundle, encrypted like an attachment (ADR 0015): upload {@code ciphertext}
 * to the media repository, add the {@code mxc://} URL as {@code "url"} to {@code encryptedFileJson} and pass that to
 * {@link OlmMachineHandle#shareRoomKeyBundle}.
 *
 * @param roomKeys how many room keys the bundle carries
 * @param withheld how many sessions it names as not shareable (their history was not shared with new members)
 */
public record RoomKeyBundle(byte[] ciphertext, String encryptedFileJson, long roomKeys, long withheld) {

    public RoomKeyBundle {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(encryptedFileJson, "encryptedFileJson");
    }

    /** Nothing to share: no room key and no withheld session. */
    public boolean isEmpty() {
        return roomKeys == 0 && withheld == 0;
    }

    @Override
    public String toString() {
        return "RoomKeyBundle[" + roomKeys + " room keys, " + withheld + " withheld, " + ciphertext.length + " bytes]";
    }

    /**
     * What importing a received bundle did.
     *
     * @param roomKeys room keys the bundle carried
     * @param newRoomKeys room keys of the room the machine holds now that it did not before; 0 although
     *     {@code roomKeys > 0} means the machine refused the bundle (its sender's device is not cross-signed) or had
     *     every key already
     */
    public record Imported(long roomKeys, long newRoomKeys) {
    }
}
