package io.tierline.core.policy;

import io.tierline.core.escalation.EscalationPolicies;
import io.tierline.core.followup.FollowUpPolicy;
import io.tierline.core.report.RootCauses;
import io.tierline.core.routing.Staffing;
import io.tierline.core.sla.SlaPolicies;
import io.tierline.core.triage.TriagePolicy;
import java.util.SortedSet;
import java.util.TreeSet;

/** Everything the policy document configures, validated as a whole. */
public record Policies(TriagePolicy triage, TransferPolicy transfers, SlaPolicies sla,
                       EscalationPolicies escalation, FollowUpPolicy followUp, Staffing staffing,
                       RootCauses rootCauses) {

    /** A document without {@code rootCauses}: the default taxonomy. */
    public Policies(TriagePolicy triage, TransferPolicy transfers, SlaPolicies sla, EscalationPolicies escalation,
                    FollowUpPolicy followUp, Staffing staffing) {
        this(triage, transfers, sla, escalation, followUp, staffing, RootCauses.DEFAULT);
    }

    /** A document without {@code followUp} nor {@code assignment}: nobody is asked after a resolution, every team assigns by hand. */
    public Policies(TriagePolicy triage, TransferPolicy transfers, SlaPolicies sla, EscalationPolicies escalation) {
        this(triage, transfers, sla, escalation, FollowUpPolicy.NONE, Staffing.NONE);
    }

    /**
     * The teams there are: every team the document names, in the directory's {@code teams} or as a route
     * ({@code defaultRoute}, a rule's {@code then.team}). Agents belong to teams by Cognito groups, which the
     * function cannot list, so the document is the one place that says which teams exist.
     */
    public SortedSet<String> teams() {
        SortedSet<String> teams = new TreeSet<>(triage.teams());
        teams.addAll(escalation.directory().teams().keySet());
        return teams;
    }
}
