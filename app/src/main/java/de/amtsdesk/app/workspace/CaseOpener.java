package de.amtsdesk.app.workspace;

import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.matrix.RoomSummary;
import de.amtsdesk.core.staff.StaffClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every citizen conversation becomes a case: when the agency account has a joined, encrypted room that the unit's
 * case log does not know yet, this workstation opens a case for it in the staff room. Two workstations doing so at
 * once are harmless: the log keeps the first and rejects the second as a duplicate room.
 */
public final class CaseOpener {

    private static final Logger LOG = LoggerFactory.getLogger(CaseOpener.class);

    private final StaffClient staff;
    private final AgencyEngine agency;
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    public CaseOpener(StaffClient staff, AgencyEngine agency) {
        this.staff = staff;
        this.agency = agency;
    }

    /** Called with the agency account's rooms after each sync batch. */
    public void roomsChanged(List<RoomSummary> rooms) {
        if (!staff.readyToSend() || staff.fold().blocked().isPresent()) {
            return; // the fold may not have caught up: opening now could duplicate a case it has not read yet
        }
        for (RoomSummary room : rooms) {
            if (room.membership() != RoomSummary.Membership.JOINED || !room.encrypted()
                    || room.roomId().equals(staff.staffRoomId()) || staff.book().findByRoom(room.roomId()).isPresent()
                    || !requested.add(room.roomId())) {
                continue;
            }
            List<String> others = agency.directory().membersToShareWith(room.roomId()).stream()
                    .filter(member -> !member.equals(agency.session().userId())).toList();
            if (others.isEmpty()) {
                requested.remove(room.roomId()); // nobody there yet (the citizen's join is still on its way)
                continue;
            }
            String citizen = others.getFirst();
            String name = agency.directory().memberName(room.roomId(), citizen);
            try {
                staff.send(OutgoingStaffEvents.created(room.roomId(), citizen,
                        name == null || name.equals(citizen) ? null : name));
                LOG.info("opened a case for room {}", room.roomId());
            } catch (RuntimeException e) {
                requested.remove(room.roomId());
                LOG.warn("no case opened for {}: {}", room.roomId(), e.getClass().getSimpleName());
            }
        }
    }
}
