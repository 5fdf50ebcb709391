package de.amtsdesk.core.store;

import de.amtsdesk.core.store.NoticeDraftRepository.NoticeDraftState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where the notice editor keeps a case's draft between starts: the staff profile's encrypted store in the app. */
public interface NoticeDraftStore {

    Optional<NoticeDraftState> load(String caseId);

    void save(NoticeDraftState state);

    /** Kept in memory only (tests, and views that have no store). */
    static NoticeDraftStore inMemory() {
        Map<String, NoticeDraftState> states = new ConcurrentHashMap<>();
        return new NoticeDraftStore() {
            @Override
            public Optional<NoticeDraftState> load(String caseId) {
                return Optional.ofNullable(states.get(caseId));
            }

            @Override
            public void save(NoticeDraftState state) {
                states.put(state.caseId(), state);
            }
        };
    }
}
