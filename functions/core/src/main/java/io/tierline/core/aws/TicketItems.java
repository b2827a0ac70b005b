package io.tierline.core.aws;

import io.tierline.core.idempotency.IdempotencyClaim;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.CustomerKey;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.FanOutMark;
import io.tierline.core.ticket.Satisfaction;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Resolution;
import io.tierline.core.ticket.TransferRequest;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.report.RootCauses;
import io.tierline.core.ticket.Stay;
import io.tierline.core.ticket.EscalationSender;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.TicketSignals;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TeamName;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single-table layout (docs/data-model.md): how tickets, audit events and idempotency claims become items,
 * and the index keys that serve each access pattern.
 */
final class TicketItems {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String TICKET_SK = "TICKET";
    static final String CLAIM_SK = "IDEMPOTENCY";
    /** Sorts after every instant, so tickets without a due time come last in a queue. */
    static final String NO_DUE_TIME = "9999-12-31T23:59:59.999Z";
    /**
     * Index sort keys compare as text, so every instant in them has the same width (Instant.toString() drops zero
     * fractions, and "…:00Z" would sort after "…:00.5Z").
     */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The RootCauseIndex partition of a root cause as counted ({@link RootCauses#normalise}). */
    static String causePartition(String normalisedCause) {
        return "CAUSE#" + normalisedCause;
    }

    static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    private TicketItems() {
    }

    static String ticketPk(TicketId id) {
        return "TICKET#" + id.value();
    }

    static Map<String, AttributeValue> ticketKey(TicketId id) {
        return Map.of(PK, s(ticketPk(id)), SK, s(TICKET_SK));
    }

    /** Every write of a day adds to one of these items, by its ticket, so concurrent writes rarely meet. */
    static final int DAY_SHARDS = 8;

    /**
     * One shard of the counters of a UTC day (docs/dashboard.md): one attribute per counter, added to in ticket
     * writes; a day's counts are the sum over its shards.
     */
    static Map<String, AttributeValue> dayKey(java.time.LocalDate day, int shard) {
        return Map.of(PK, s("STATS#" + day + "#" + shard), SK, s("STATS"));
    }

    static int dayShard(TicketId id) {
        return Math.floorMod(id.value().hashCode(), DAY_SHARDS);
    }

    /**
     * Marks a ticket that had an SLA breach, so a later solve counts against compliance without reading its trail.
     * Its own partition: a ticket's partition holds only the ticket and its events (history reads it whole).
     */
    static Map<String, AttributeValue> breachKey(TicketId id) {
        return Map.of(PK, s("SLABREACH#" + id.value()), SK, s("SLABREACH"));
    }

    /** The partition of a customer's tickets in CustomerIndex (by id or email) or CustomerEmailIndex (by email). */
    static String customerPartition(CustomerKey customer) {
        return "CUSTOMER#" + customer.text();
    }

    /** The instant a queue sort key starts with, or null for a ticket without a next deadline. */
    static Instant queueDue(String queueSk) {
        String due = queueSk.substring(0, queueSk.indexOf('#'));
        return NO_DUE_TIME.equals(due) ? null : Instant.parse(due);
    }

    static Map<String, AttributeValue> claimKey(IdempotencyKey key) {
        return Map.of(PK, s("IDEMPOTENCY#" + key.scope() + "#" + key.value()), SK, s(CLAIM_SK));
    }

    static Map<String, AttributeValue> ticketItem(Ticket t) {
        Map<String, AttributeValue> item = new HashMap<>(ticketKey(t.id()));
        item.put("entity", s("ticket"));
        item.put("ticketId", s(t.id().value()));
        item.put("subject", s(t.subject()));
        item.put("description", s(t.description()));
        item.put("requesterName", s(t.requester().name()));
        item.put("requesterEmail", s(t.requester().email()));
        putIfPresent(item, "customerId", t.requester().customerId());
        putIfPresent(item, "plan", t.requester().plan());
        item.put("channel", s(t.channel().code()));
        item.put("status", s(t.status().code()));
        item.put("impact", s(t.impact().code()));
        item.put("urgency", s(t.urgency().code()));
        putIfPresent(item, "priority", t.priority() == null ? null : t.priority().code());
        putIfPresent(item, "category", t.category());
        putIfPresent(item, "team", t.team());
        if (t.tier() != null) {
            item.put("tier", n(t.tier().number()));
        }
        item.put("tags", AttributeValue.fromL(t.tags().stream().map(TicketItems::s).toList()));
        if (t.signals() != null) {
            item.put("language", s(t.signals().language()));
            item.put("frustration", AttributeValue.fromN(Double.toString(t.signals().frustration())));
            item.put("escalationRisk", AttributeValue.fromN(Double.toString(t.signals().escalationRisk())));
        }
        putIfPresent(item, "assignee", PersonId.nameOf(t.assignee()));
        if (t.resolution() != null) {
            putIfPresent(item, "resolutionNote", t.resolution().note());
            putIfPresent(item, "rootCause", t.resolution().rootCause());
            Instant at = t.resolution().at();
            if (at != null) {
                item.put("resolvedAt", s(at.toString()));
                if (t.resolution().rootCause() != null) {
                    // sparse: the root-cause drill-down lists the tickets solved with a cause, newest first
                    item.put("causePk", s(causePartition(RootCauses.normalise(t.resolution().rootCause()))));
                    item.put("causeSk", s(sortable(at) + "#" + t.id().value()));
                    item.put("escalated", AttributeValue.fromBool(t.wasEscalated()));
                }
            }
        }
        if (t.pendingTransfer() != null) {
            TransferRequest r = t.pendingTransfer();
            Map<String, AttributeValue> m = new HashMap<>();
            putIfPresent(m, "team", r.team());
            if (r.tier() != null) {
                m.put("tier", n(r.tier().number()));
            }
            m.put("requestedBy", s(r.requestedBy().value()));
            m.put("reason", s(r.reason()));
            m.put("requestedAt", s(r.requestedAt().toString()));
            item.put("pendingTransfer", AttributeValue.fromM(m));
        }
        putIfPresent(item, "mergedInto", t.mergedInto() == null ? null : t.mergedInto().value());
        putIfPresent(item, "customerTokenSalt", t.customerTokenSalt());
        if (t.escalation() != null) {
            item.put("escalation", AttributeValue.fromM(escalationItem(t.escalation())));
        }
        if (!t.watchers().isEmpty()) {
            item.put("watchers", AttributeValue.fromL(t.watchers().stream().map(p -> s(p.value())).toList()));
        }
        if (t.satisfaction() != null) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("rating", n(t.satisfaction().rating()));
            putIfPresent(m, "comment", t.satisfaction().comment());
            m.put("ratedAt", s(t.satisfaction().ratedAt().toString()));
            item.put("satisfaction", AttributeValue.fromM(m));
        }
        item.put("createdAt", s(t.createdAt().toString()));
        item.put("updatedAt", s(t.updatedAt().toString()));
        item.put("version", n(t.version()));
        Deadline due = t.nextDeadline();
        if (due != null) {
            item.put("dueAt", s(due.at().toString()));
            item.put("dueMetric", s(due.metric().code()));
            item.put("dueCycle", n(due.cycle()));
            item.put("duePercent", n(due.percent()));
        }
        if (t.targetDueAt() != null) {
            item.put("targetDueAt", s(t.targetDueAt().toString()));
        }
        Instant engineDue = t.escalationDueAt();
        if (engineDue != null) {
            item.put("engineDueAt", s(engineDue.toString()));
        }
        Instant triageDue = t.triageDueAt();
        if (triageDue != null) {
            item.put("triageDueAt", s(triageDue.toString()));
        }
        if (t.clocks().followUpAt() != null) {
            item.put("followUpAt", s(t.clocks().followUpAt().toString()));
        }
        Stay stay = t.clocks().stay();
        if (stay.since() != null) {
            item.put("staySince", s(stay.since().toString()));
        }
        if (stay.teamSince() != null) {
            item.put("teamSince", s(stay.teamSince().toString()));
        }
        if (stay.escalations() > 0) {
            item.put("escalationCount", n(stay.escalations()));
        }
        if (stay.lastEscalation() != null) {
            item.put("lastEscalatedBy", s(stay.lastEscalation().person().value()));
            putIfPresent(item, "lastEscalatedFromTeam", stay.lastEscalation().team());
        }
        Instant followUpDue = t.followUpDueAt();
        if (followUpDue != null) {
            item.put("followUpDueAt", s(followUpDue.toString()));
        }
        Instant nextDue = t.nextDueAt();
        if (nextDue != null) {
            // sparse: only tickets with a running clock, escalation work or triage to repair are in the sweep's
            // index, over shards
            item.put("duePk", s(DueShards.partitionOf(t.id())));
            item.put("dueSk", s(sortable(nextDue) + "#" + t.id().value()));
        }
        if (t.team() != null) {
            item.put("queuePk", s("TEAM#" + t.team() + "#" + t.status().code()));
            // the earliest target still owed, not the next deadline: once a breach fired the next deadline moves
            // on to a later one, and the overdue ticket must still come first (and count as breached)
            item.put("queueSk", s((t.targetDueAt() == null ? NO_DUE_TIME : sortable(t.targetDueAt())) + "#"
                    + t.id().value()));
        }
        item.put("customerPk", s(customerPartition(t.requester().historyKey())));
        item.put("emailPk", s(customerPartition(t.requester().emailKey())));
        item.put("customerSk", s(sortable(t.createdAt()) + "#" + t.id().value()));
        return item;
    }

    static Ticket ticket(Map<String, AttributeValue> item) {
        Ticket.Request request = new Ticket.Request(str(item, "subject"), str(item, "description"),
                new Requester(str(item, "requesterName"), str(item, "requesterEmail"), str(item, "customerId"),
                        str(item, "plan")), Codes.parse(Channel.class, str(item, "channel")),
                str(item, "customerTokenSalt"));
        Ticket.Classification classification = new Ticket.Classification(
                Codes.parse(Level.class, str(item, "impact")), Codes.parse(Level.class, str(item, "urgency")),
                priority(item), str(item, "category"), team(item, "team"), tier(item),
                item.get("tags").l().stream().map(AttributeValue::s).toList(), signals(item));
        Ticket.Work work = new Ticket.Work(Status.fromCode(str(item, "status")), PersonId.of(str(item, "assignee")),
                item.containsKey("resolutionNote")
                        ? new Resolution(str(item, "resolutionNote"), str(item, "rootCause"),
                        instant(item, "resolvedAt")) : null,
                item.containsKey("pendingTransfer") ? transfer(item.get("pendingTransfer").m()) : null,
                item.containsKey("mergedInto") ? new TicketId(str(item, "mergedInto")) : null,
                item.containsKey("watchers") ? item.get("watchers").l().stream().map(v -> new PersonId(v.s())).toList()
                        : List.of(),
                item.containsKey("satisfaction") ? satisfaction(item.get("satisfaction").m()) : null);
        Ticket.Clocks clocks = new Ticket.Clocks(deadline(item), instant(item, "targetDueAt"),
                item.containsKey("escalation") ? escalation(item.get("escalation").m()) : null,
                instant(item, "followUpAt"), new Stay(instant(item, "staySince"), instant(item, "teamSince"),
                        item.containsKey("lastEscalatedBy") ? new EscalationSender(
                                new PersonId(str(item, "lastEscalatedBy")), team(item, "lastEscalatedFromTeam"))
                                : null,
                        item.containsKey("escalationCount") ? Integer.parseInt(item.get("escalationCount").n()) : 0));
        return new Ticket(new TicketId(str(item, "ticketId")), request, classification, work, clocks,
                Instant.parse(str(item, "createdAt")), Instant.parse(str(item, "updatedAt")),
                Long.parseLong(item.get("version").n()));
    }

    private static TicketSignals signals(Map<String, AttributeValue> item) {
        if (!item.containsKey("language")) {
            return null; // not triaged yet
        }
        return new TicketSignals(str(item, "language"), Double.parseDouble(item.get("frustration").n()),
                Double.parseDouble(item.get("escalationRisk").n()));
    }

    static Deadline deadline(Map<String, AttributeValue> item) {
        if (!item.containsKey("dueAt")) {
            return null;
        }
        return new Deadline(Codes.parse(SlaMetric.class, str(item, "dueMetric")), Integer.parseInt(item.get("dueCycle").n()),
                Integer.parseInt(item.get("duePercent").n()), Instant.parse(str(item, "dueAt")));
    }

    private static Map<String, AttributeValue> escalationItem(EscalationState e) {
        Map<String, AttributeValue> m = new HashMap<>();
        putIfPresent(m, "policy", e.policy());
        m.put("level", n(e.level()));
        m.put("sequence", n(e.sequence()));
        putIfPresent(m, "levelAt", e.levelAt() == null ? null : e.levelAt().toString());
        m.put("reminders", n(e.reminders()));
        putIfPresent(m, "acknowledgedBy", e.acknowledgedBy());
        putIfPresent(m, "acknowledgedAt", e.acknowledgedAt() == null ? null : e.acknowledgedAt().toString());
        putIfPresent(m, "nextStep", e.nextStep() == null ? null : Codes.of(e.nextStep()));
        putIfPresent(m, "nextStepAt", e.nextStepAt() == null ? null : e.nextStepAt().toString());
        putIfPresent(m, "fanOut", e.fanOut() == null ? null : e.fanOut().sequence() + "/" + e.fanOut().level()
                + "/" + e.fanOut().repeat());
        return m;
    }

    static EscalationState escalation(Map<String, AttributeValue> m) {
        return new EscalationState(str(m, "policy"), new EscalationState.Episode(Integer.parseInt(m.get("level").n()),
                Integer.parseInt(m.get("sequence").n()), instant(m, "levelAt"),
                Integer.parseInt(m.get("reminders").n())),
                new EscalationState.Acknowledgement(str(m, "acknowledgedBy"), instant(m, "acknowledgedAt")),
                new EscalationState.Plan(m.containsKey("nextStep")
                        ? Codes.parse(EscalationState.Step.class, str(m, "nextStep")) : null, instant(m, "nextStepAt")),
                m.containsKey("fanOut") ? fanOutMark(str(m, "fanOut")) : null);
    }

    /** The pending fan-out as the ticket item keeps it: {@code sequence/level/repeat}. */
    private static FanOutMark fanOutMark(String text) {
        String[] parts = text.split("/");
        return new FanOutMark(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    private static Satisfaction satisfaction(Map<String, AttributeValue> m) {
        return new Satisfaction(Integer.parseInt(m.get("rating").n()), str(m, "comment"),
                Instant.parse(str(m, "ratedAt")));
    }

    /** An optional instant attribute; null when the item has none. */
    static Instant instant(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? Instant.parse(m.get(name).s()) : null;
    }

    private static TransferRequest transfer(Map<String, AttributeValue> m) {
        return new TransferRequest(team(m, "team"), tier(m), new PersonId(str(m, "requestedBy")), str(m, "reason"),
                Instant.parse(str(m, "requestedAt")));
    }

    /** The {@code tier} number of a ticket or transfer item, or null for none. */
    static Tier tier(Map<String, AttributeValue> m) {
        return m.containsKey("tier") ? Tier.of(Integer.parseInt(m.get("tier").n())) : null;
    }

    /** The {@code priority} code of a ticket or queue item, or null before triage set one. */
    static Priority priority(Map<String, AttributeValue> item) {
        return item.containsKey("priority") ? Codes.parse(Priority.class, str(item, "priority")) : null;
    }

    static Map<String, AttributeValue> eventItem(TicketEvent e) {
        return EventItems.item(e);
    }

    static TicketEvent event(Map<String, AttributeValue> item) {
        return EventItems.event(item);
    }

    static Map<String, AttributeValue> claimItem(IdempotencyClaim c) {
        Map<String, AttributeValue> item = new HashMap<>(claimKey(c.key()));
        item.put("entity", s("idempotency"));
        item.put("scope", s(c.key().scope()));
        item.put("idempotencyKey", s(c.key().value()));
        item.put("fingerprint", s(c.fingerprint()));
        item.put("ticketId", s(c.ticketId().value()));
        item.put("createdAt", s(c.createdAt().toString()));
        item.put("expiresAt", n(c.expiresAt().getEpochSecond()));
        return item;
    }

    static IdempotencyClaim claim(Map<String, AttributeValue> item) {
        return new IdempotencyClaim(new IdempotencyKey(str(item, "scope"), str(item, "idempotencyKey")),
                str(item, "fingerprint"), new TicketId(str(item, "ticketId")), Instant.parse(str(item, "createdAt")),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** A team stored by its name, or null for none. */
    static void putIfPresent(Map<String, AttributeValue> item, String name, TeamName team) {
        if (team != null) {
            item.put(name, s(team.value()));
        }
    }

    /** The team named in that attribute, or null for none. */
    static TeamName team(Map<String, AttributeValue> item, String name) {
        return TeamName.of(str(item, name));
    }
}
