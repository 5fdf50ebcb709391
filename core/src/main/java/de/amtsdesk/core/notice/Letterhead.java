package de.amtsdesk.core.notice;

import java.util.List;
import java.util.Objects;

/**
 * The issuing unit as printed at the top of every notice.
 *
 * @param unitName     the authority and unit ("Stadt Musterstadt – Bürgeramt")
 * @param addressLines postal address, one line each
 * @param contact      phone, e-mail or opening hours; may be empty
 */
public record Letterhead(String unitName, List<String> addressLines, String contact) {

    public Letterhead {
        if (unitName == null || unitName.isBlank()) {
            throw new IllegalArgumentException("a letterhead needs the unit's name");
        }
        addressLines = List.copyOf(Objects.requireNonNull(addressLines, "addressLines"));
        if (addressLines.size() > 6) {
            throw new IllegalArgumentException("at most 6 address lines fit the letterhead");
        }
        contact = contact == null ? "" : contact;
    }
}
