package io.tierline.core.routing;

import io.tierline.core.ticket.Codes;

/**
 * How a team's tickets reach its people. Skills: the best skill match, then the least loaded, then whoever was
 * assigned least recently; round robin: whoever was assigned least recently; manual: nobody automatically.
 */
public enum AssignmentMode {
    SKILLS, ROUND_ROBIN, MANUAL;

    public String code() {
        return Codes.of(this);
    }
}
