package io.tierline.core.sla;

import io.tierline.core.ticket.Status;
import java.time.Instant;
import java.util.Objects;

/** One thing that happened to a ticket and matters to its SLA clocks. */
public sealed interface SlaFact {
    Instant at();

    /**
     * Order among facts of the same instant: attribute and status changes first (a customer reply that reopens a
     * solved ticket must find it open; "reply and solve" must not start an update clock), replies next, merge last.
     */
    int rank();

    record SubjectChanged(Instant at, SlaSubject subject) implements SlaFact {
        public SubjectChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public int rank() {
            return 0;
        }
    }

    record StatusChanged(Instant at, Status status) implements SlaFact {
        public StatusChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public int rank() {
            return 1;
        }
    }

    /** The customer wrote, through any channel. */
    record CustomerReplied(Instant at) implements SlaFact {
        public CustomerReplied {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public int rank() {
            return 2;
        }
    }

    /** An agent wrote to the customer (internal notes are not facts for the SLA). */
    record AgentRepliedPublicly(Instant at) implements SlaFact {
        public AgentRepliedPublicly {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public int rank() {
            return 3;
        }
    }

    /** The ticket was merged into another: its clocks are cancelled, not fulfilled, and nothing later counts. */
    record Merged(Instant at) implements SlaFact {
        public Merged {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public int rank() {
            return 4;
        }
    }
}
