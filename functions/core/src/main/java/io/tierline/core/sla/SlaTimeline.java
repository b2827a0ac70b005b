package io.tierline.core.sla;

import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A ticket's history as the SLA clocks see it: when it was created, with which attributes and status, and what
 * happened since. Facts may come in any order; facts of the same instant are applied in {@link SlaFact#rank()} order,
 * then in list order.
 */
public record SlaTimeline(Instant createdAt, SlaSubject subject, Status status, List<SlaFact> facts) {

    public SlaTimeline {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        facts = List.copyOf(facts);
        for (SlaFact fact : facts) {
            if (fact.at().isBefore(createdAt)) {
                throw new IllegalArgumentException("fact " + fact + " is before the ticket was created at "
                        + createdAt);
            }
        }
    }

    /** A new ticket with no history yet. */
    public static SlaTimeline created(Instant at, SlaSubject subject) {
        return new SlaTimeline(at, subject, Status.NEW, List.of());
    }

    public SlaTimeline with(SlaFact fact) {
        List<SlaFact> more = new ArrayList<>(facts);
        more.add(fact);
        return new SlaTimeline(createdAt, subject, status, more);
    }

    public SlaTimeline status(Instant at, Status newStatus) {
        return with(new SlaFact.StatusChanged(at, newStatus));
    }

    public SlaTimeline customerReply(Instant at) {
        return with(new SlaFact.CustomerReplied(at));
    }

    public SlaTimeline agentReply(Instant at) {
        return with(new SlaFact.AgentRepliedPublicly(at));
    }

    /** The subject as of the latest subject change so far, with another priority. */
    public SlaTimeline priority(Instant at, Priority priority) {
        return with(new SlaFact.SubjectChanged(at, latestSubject().withPriority(priority)));
    }

    public SlaTimeline subject(Instant at, SlaSubject newSubject) {
        return with(new SlaFact.SubjectChanged(at, newSubject));
    }

    public SlaTimeline merged(Instant at) {
        return with(new SlaFact.Merged(at));
    }

    private SlaSubject latestSubject() {
        SlaSubject latest = subject;
        Instant latestAt = createdAt;
        for (SlaFact fact : facts) {
            if (fact instanceof SlaFact.SubjectChanged changed && !fact.at().isBefore(latestAt)) {
                latest = changed.subject();
                latestAt = fact.at();
            }
        }
        return latest;
    }
}
