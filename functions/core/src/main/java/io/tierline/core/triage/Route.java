package io.tierline.core.triage;

import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Tier;
import java.util.ArrayList;
import java.util.List;

/** A route being decided: each firing rule overrides the fields its actions set, and adds its tags. */
record Route(Priority priority, String team, Tier tier, String category, List<String> tags, boolean escalateNow) {

    Route {
        tags = List.copyOf(tags);
    }

    Route apply(RuleActions then) {
        List<String> moreTags = new ArrayList<>(tags);
        then.tags().stream().filter(tag -> !moreTags.contains(tag)).forEach(moreTags::add);
        return new Route(then.priority() != null ? then.priority() : priority,
                then.team() != null ? then.team() : team,
                then.tier() != null ? then.tier() : tier,
                then.category() != null ? then.category() : category,
                moreTags, escalateNow || then.escalateNow());
    }

    /** The tier after "escalate now": at least expert (2), never lowered. */
    Tier finalTier() {
        return escalateNow && (tier == null || tier.number() < Tier.EXPERT.number()) ? Tier.EXPERT : tier;
    }
}
