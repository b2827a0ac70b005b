package io.tierline.core.sla;

import io.tierline.core.ticket.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A timeline made ready for the clocks as of one instant: facts in the order they take effect, nothing after
 * {@code asOf} and nothing after a merge; the status and the subject as stretches of time.
 */
final class TicketCourse {
    /** Receives the facts in the order they take effect. */
    interface Listener {
        void created(Instant at, Status status);

        void statusChanged(Instant at, Status from, Status to);

        void customerReplied(Instant at);

        void agentReplied(Instant at);

        void merged(Instant at);
    }

    /** A value that holds from {@code from} until the next stretch starts. */
    record Stretch<T>(Instant from, T value) {
    }

    private final SlaTimeline timeline;
    private final Instant asOf;
    private final List<SlaFact> facts;
    private final List<Stretch<Status>> statuses = new ArrayList<>();
    private final List<Stretch<SlaSubject>> subjects = new ArrayList<>();

    TicketCourse(SlaTimeline timeline, Instant asOf) {
        this.timeline = timeline;
        this.asOf = asOf;
        this.facts = effective(timeline, asOf);
        statuses.add(new Stretch<>(timeline.createdAt(), timeline.status()));
        subjects.add(new Stretch<>(timeline.createdAt(), timeline.subject()));
        for (SlaFact fact : facts) {
            if (fact instanceof SlaFact.StatusChanged changed) {
                append(statuses, new Stretch<>(fact.at(), changed.status()));
            } else if (fact instanceof SlaFact.SubjectChanged changed) {
                append(subjects, new Stretch<>(fact.at(), changed.subject()));
            }
        }
    }

    Instant createdAt() {
        return timeline.createdAt();
    }

    Instant asOf() {
        return asOf;
    }

    List<Stretch<Status>> statuses() {
        return statuses;
    }

    List<Stretch<SlaSubject>> subjects() {
        return subjects;
    }

    SlaSubject subjectNow() {
        return subjects.get(subjects.size() - 1).value();
    }

    void replay(Listener listener) {
        Status status = timeline.status();
        listener.created(timeline.createdAt(), status);
        for (SlaFact fact : facts) {
            if (fact instanceof SlaFact.StatusChanged changed) {
                listener.statusChanged(fact.at(), status, changed.status());
                status = changed.status();
            } else if (fact instanceof SlaFact.CustomerReplied) {
                listener.customerReplied(fact.at());
            } else if (fact instanceof SlaFact.AgentRepliedPublicly) {
                listener.agentReplied(fact.at());
            } else if (fact instanceof SlaFact.Merged) {
                listener.merged(fact.at());
            }
        }
    }

    private static List<SlaFact> effective(SlaTimeline timeline, Instant asOf) {
        List<SlaFact> sorted = new ArrayList<>(timeline.facts());
        sorted.removeIf(fact -> fact.at().isAfter(asOf));
        sorted.sort(Comparator.comparing(SlaFact::at).thenComparingInt(SlaFact::rank));
        List<SlaFact> effective = new ArrayList<>();
        for (SlaFact fact : sorted) {
            effective.add(fact);
            if (fact instanceof SlaFact.Merged) {
                break;
            }
        }
        return effective;
    }

    /** A change at the same instant as the previous one replaces it: only the last state of an instant lasts. */
    private static <T> void append(List<Stretch<T>> stretches, Stretch<T> next) {
        Stretch<T> last = stretches.get(stretches.size() - 1);
        if (last.from().equals(next.from())) {
            stretches.set(stretches.size() - 1, next);
        } else {
            stretches.add(next);
        }
    }
}
