package de.amtsdesk.crypto;

import java.util.List;

/**
 * A new secret storage: the recovery key to show once, and the account data to upload in this order (key
 * description, encrypted secrets, default-key pointer last).
 */
public record SecretStorageSetup(String recoveryKey, List<AccountData> accountData) {

    public record AccountData(String type, String contentJson) { }

    @Override
    public String toString() {
        return "SecretStorageSetup[" + accountData.size() + " account data entries, recovery key hidden]";
    }
}
