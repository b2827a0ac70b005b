package io.tierline.core.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.json.Json;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.AuditEvent;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.EscalationStep;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.TicketSignals;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Run once, before the event item format changed, to record items exactly as the fmt-1 writer stored them:
 * {@code -Dtest=LegacyEventFixtureGenerator -Dtierline.generateLegacyFixture=true}.
 */
class LegacyEventFixtureGenerator {
    static final TicketId ID = new TicketId("01KB0000000000000000000001");
    static final TicketId OTHER = new TicketId("01KB0000000000000000000002");
    final Actor customer = Actor.customer("ada@example.com");
    final Actor alice = new Actor(Actor.Kind.AGENT, "alice");
    final Actor sam = new Actor(Actor.Kind.SUPERVISOR, "sam");
    final Actor engine = Actor.system("escalation");
    Instant now = Instant.parse("2026-11-20T09:00:00Z");
    final List<AuditEvent> events = new ArrayList<>();

    Ticket take(TicketChange change) {
        events.addAll(change.events());
        now = now.plusSeconds(60);
        return change.after();
    }

    @Test
    @EnabledIfSystemProperty(named = "tierline.generateLegacyFixture", matches = "true")
    void generate() throws Exception {
        TicketDraft draft = new TicketDraft("Double charge", "I was charged twice", new Requester("Ada", "ada@example.com",
                "C-42", "gold"), Channel.WEB, Level.HIGH, Level.MEDIUM, "billing", List.of("invoice"));
        Ticket t = take(Ticket.open(ID, draft, "salt", customer, now));
        t = take(t.triage(new TriageDecision(Priority.HIGH, "billing", Tier.FRONT_LINE, "payments",
                List.of("lang-en", "vip"), new TicketSignals("en", 0.42, 0.7), "rule vip-billing"),
                Actor.system("triage"), now));
        t = take(t.assign("alice", alice, now));
        t = take(t.agentReply("We are on it.", true, alice, now));
        t = take(t.agentReply("Customer on old plan.", false, alice, now));
        t = take(t.moveTo(Status.PENDING, alice, now, "waiting for the customer"));
        t = take(t.customerReply("Here is the invoice.", customer, now));
        t = take(t.changeLevels(Level.LOW, null, Priority.URGENT, "outage", alice, now));
        t = take(t.transfer("payments", Tier.EXPERT, "needs experts", true, alice, now));
        t = take(t.decideTransfer(false, "not yet", sam, now));
        t = take(t.transfer("payments", Tier.EXPERT, "needs experts", true, alice, now));
        t = take(t.decideTransfer(true, null, sam, now));
        t = take(t.transfer("billing", null, "back to billing", false, alice, now));
        t = take(t.requestEscalation("nobody answers", customer, now));
        t = take(t.recordSlaDeadline("first-response/1/75", "first-response reached 75 % of its target (cycle 1)",
                false, Instant.parse("2026-11-20T09:10:00Z"), Actor.system("sla"), now));
        t = take(t.recordSlaDeadline("first-response/1/100", "first-response breached its target (cycle 1)",
                true, Instant.parse("2026-11-20T09:20:00Z"), Actor.system("sla"), now));
        EscalationState next = EscalationState.fresh("standard", 1, 1, now, 0, "1/1/0");
        t = take(t.escalate(new EscalationStep("automatic", "sla-breach", "level 1 of policy standard (SLA breach)",
                "see the breach", false, "payments", Tier.EXPERT, "bob", "carol", Priority.URGENT,
                List.of("carol"), List.of("person:carol", "team:payments"), "Your request is now with our payments "
                + "specialists (tier 2).", true, next, Instant.parse("2026-11-20T09:20:00Z")), engine, now));
        t = take(t.escalate(new EscalationStep("hierarchical", "customer-request", "customer request → supervisor",
                "please", true, null, null, null, "sam", null, List.of("sam"), List.of("person:sam"), null, false,
                EscalationState.fresh("standard", 1, 2, now, 0, "2/0/0"), null), customer, now));
        t = take(t.recordEscalation(AuditEvent.EventType.ESCALATION_REMINDER, "reminder 1 of 2 for level 1: still "
                        + "not acknowledged", EscalationState.fresh("standard", 1, 2, now, 1, "2/1/1"),
                List.of(new Change(Ticket.ESCALATION_SEQUENCE, null, "2"), new Change("reminder", "0", "1"),
                        new Change(Ticket.NOTIFIED, null, "person:carol,person:sam"),
                        Ticket.dueAt(Instant.parse("2026-11-20T09:30:00Z"))), engine, now));
        t = take(t.recordEscalation(AuditEvent.EventType.ESCALATION_REMINDER, "reminder 2 of 2 for level 1: still "
                        + "not acknowledged", EscalationState.fresh("standard", 1, 2, now, 2, null),
                List.of(new Change(Ticket.ESCALATION_SEQUENCE, null, "2"), new Change("reminder", "1", "2"),
                        new Change(Ticket.NOTIFIED, null, ""),
                        Ticket.dueAt(Instant.parse("2026-11-20T09:40:00Z"))), engine, now));
        t = take(t.recordEscalation(AuditEvent.EventType.ACKNOWLEDGED, "a public update is expected within 30 min",
                t.escalation().acknowledged("carol", now), List.of(new Change(Ticket.ESCALATION_SEQUENCE, null, "2")),
                new Actor(Actor.Kind.AGENT, "carol"), now));
        t = take(t.requestEscalationAlreadyWith("still nothing", 2, "It is already with a senior member.", customer,
                now));
        t = take(t.resolve("Refunded the second charge", "double charge bug", alice, now));
        t = take(t.rateSatisfaction(4, "quick", customer, now));
        t = take(t.reopen("it happened again", customer, now));
        t = take(t.moveTo(Status.ON_HOLD, alice, now, "waiting for the bank"));
        t = take(t.moveTo(Status.OPEN, alice, now, "bank answered"));
        t = take(t.resolve("Refunded again", null, alice, now));
        t = take(t.moveTo(Status.CLOSED, alice, now, "done"));

        Ticket dup = take(Ticket.open(OTHER, new TicketDraft("Charged twice", "same", new Requester("Ada",
                "ada@example.com", null, null), Channel.EMAIL, Level.LOW, Level.LOW, null, List.of()), "salt2",
                customer, now));
        dup = take(dup.triage(new TriageDecision(Priority.LOW, "billing", Tier.FRONT_LINE, null, "default route"),
                Actor.system("triage"), now));
        Ticket survivor = take(Ticket.open(new TicketId("01KB0000000000000000000003"), draft, "salt3", customer,
                now));
        survivor = take(survivor.triage(new TriageDecision(Priority.NORMAL, "billing", Tier.FRONT_LINE, null,
                "default route"), Actor.system("triage"), now));
        take(dup.transfer("payments", null, "check", true, alice, now));
        Ticket pending = dup.transfer("payments", null, "check", true, alice, now).after();
        events.removeIf(e -> e.ticketId().equals(OTHER) && e.version() == pending.version());
        events.addAll(pending.mergeInto(survivor, "same issue", alice, now).stream()
                .flatMap(c -> c.events().stream()).toList());

        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (AuditEvent e : events) {
            out.add(json(TicketItems.eventItem(e)));
        }
        Path file = Path.of("src/test/resources/legacy-event-items-fmt1.json");
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n");
    }

    /** DynamoDB's own JSON shape ({"S": …}, {"N": …}, {"L": […]}, {"M": {…}}). */
    static ObjectNode json(Map<String, AttributeValue> item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        item.keySet().stream().sorted().forEach(k -> node.set(k, value(item.get(k))));
        return node;
    }

    static ObjectNode value(AttributeValue v) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (v.s() != null) {
            node.put("S", v.s());
        } else if (v.n() != null) {
            node.put("N", v.n());
        } else if (v.bool() != null) {
            node.put("BOOL", v.bool());
        } else if (v.hasL()) {
            ArrayNode list = node.putArray("L");
            v.l().forEach(x -> list.add(value(x)));
        } else if (v.hasM()) {
            node.set("M", json(v.m()));
        } else {
            throw new IllegalArgumentException("unexpected attribute " + v);
        }
        return node;
    }
}
