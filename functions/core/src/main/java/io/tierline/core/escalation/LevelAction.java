package io.tierline.core.escalation;

import io.tierline.core.ticket.Codes;

/**
 * What a level does. Reassign hands the ticket to the level's team and tier targets and to its first person, if any;
 * raise-tier moves one tier up (or to the tier target); raise-priority moves one step up; add-watchers makes the
 * level's people follow the ticket; notify tells them.
 */
public enum LevelAction {
    REASSIGN, RAISE_TIER, RAISE_PRIORITY, ADD_WATCHERS, NOTIFY;

    public String code() {
        return Codes.of(this);
    }
}
