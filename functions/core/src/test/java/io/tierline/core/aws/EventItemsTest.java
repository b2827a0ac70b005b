package io.tierline.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.json.Json;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.ticket.EventChanges;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Move;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Recipient;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.AssignmentFacts;
import io.tierline.core.ticket.EscalationFeedback;
import io.tierline.core.ticket.EventHeader;
import io.tierline.core.ticket.FieldMoves;
import io.tierline.core.ticket.FollowUpAnswer;
import io.tierline.core.ticket.Skill;
import io.tierline.core.ticket.TicketField;
import io.tierline.core.ticket.TicketField.TransferTarget;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.local.LocalAws;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The event codec. {@code legacy-event-items-fmt1.json} holds items exactly as the writer before format 2 stored
 * them (generated once by that writer, commit 4e92055): they must read into the same typed events, and show the same
 * changes in the API.
 */
class EventItemsTest {
    static final TicketId ID = new TicketId("01KB0000000000000000000001");
    static LocalAws aws;
    static String table;

    @BeforeAll
    static void startEmulator() {
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
        table = aws.tableName("TicketsTable");
    }

    @AfterAll
    static void stopEmulator() {
        aws.close();
    }

    static List<Map<String, AttributeValue>> legacyItems() throws Exception {
        try (InputStream in = EventItemsTest.class.getResourceAsStream("/legacy-event-items-fmt1.json")) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            Json.MAPPER.readTree(in).forEach(node -> items.add(item(node)));
            return items;
        }
    }

    static Map<String, AttributeValue> item(JsonNode node) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> item.put(f.getKey(), value(f.getValue())));
        return item;
    }

    static AttributeValue value(JsonNode node) {
        if (node.has("S")) {
            return AttributeValue.fromS(node.get("S").asText());
        }
        if (node.has("N")) {
            return AttributeValue.fromN(node.get("N").asText());
        }
        if (node.has("BOOL")) {
            return AttributeValue.fromBool(node.get("BOOL").asBoolean());
        }
        if (node.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            node.get("L").forEach(v -> list.add(value(v)));
            return AttributeValue.fromL(list);
        }
        return AttributeValue.fromM(item(node.get("M")));
    }

    static List<TicketEvent> decoded() throws Exception {
        return legacyItems().stream().map(EventItems::event).toList();
    }

    /** The events of the fixture's first ticket, by type code and version, e.g. "escalated@17". */
    static Map<String, TicketEvent> byKey(List<TicketEvent> events) {
        return events.stream().filter(e -> e.ticketId().equals(ID)).collect(Collectors.toMap(
                e -> Codes.of(e.type()) + "@" + e.version(), e -> e, (a, b) -> a, LinkedHashMap::new));
    }

    /** Kinds added after format 2: no format 1 item of them was ever written (see the round trip below). */
    static final Set<TicketEvent.EventType> ONLY_IN_FORMAT_TWO = EnumSet.of(
            TicketEvent.EventType.FOLLOW_UP_REQUESTED, TicketEvent.EventType.FOLLOW_UP_ANSWERED,
            TicketEvent.EventType.ESCALATION_FEEDBACK_GIVEN, TicketEvent.EventType.AUTO_ASSIGNED,
            TicketEvent.EventType.ASSIGNMENT_WAITING, TicketEvent.EventType.ARTICLE_PROPOSED);

    @Test
    void everyKindIsInTheFixture() throws Exception {
        Set<TicketEvent.EventType> kinds = EnumSet.noneOf(TicketEvent.EventType.class);
        decoded().forEach(e -> kinds.add(e.type()));
        kinds.addAll(ONLY_IN_FORMAT_TWO);
        assertEquals(EnumSet.allOf(TicketEvent.EventType.class), kinds);
    }

    @Test
    void assignmentEventsKeepTheirFactsThroughTheirItems() {
        AssignmentFacts facts = new AssignmentFacts("skills", new AssignmentFacts.SkillMatch(
                List.of(new Skill("billing"), new Skill("invoices")), "de", List.of(new Skill("billing"))),
                new AssignmentFacts.Load(2, 3, false), List.of(
                        new AssignmentFacts.Considered(new PersonId("greta"), AssignmentFacts.Verdict.CHOSEN),
                        new AssignmentFacts.Considered(new PersonId("olga"), AssignmentFacts.Verdict.OFF_SHIFT)));
        EventHeader header = new EventHeader(ID, 3, 0, Instant.parse("2026-12-05T10:00:00Z"),
                Actor.system("routing"), facts.summary(), null);
        FieldMoves moves = FieldMoves.NONE.with(TicketField.ASSIGNEE, null, new PersonId("greta"));
        AssignmentFacts waiting = new AssignmentFacts("round-robin", AssignmentFacts.SkillMatch.NONE, null,
                List.of(new AssignmentFacts.Considered(new PersonId("bob"), AssignmentFacts.Verdict.AWAY)));
        for (TicketEvent event : List.of(new TicketEvent.AutoAssigned(header, moves, facts),
                new TicketEvent.AssignmentWaiting(header, FieldMoves.NONE, waiting))) {
            assertEquals(event, EventItems.event(EventItems.item(event)));
        }
    }

    @Test
    void aResolutionKeepsTheArticleItWasSolvedWith() {
        EventHeader header = new EventHeader(ID, 9, 0, Instant.parse("2026-12-05T10:00:00Z"),
                new Actor(Actor.Kind.AGENT, "greta"), null, "see the article");
        FieldMoves moves = FieldMoves.NONE.with(TicketField.ROOT_CAUSE, null, "how-to");
        var with = new TicketEvent.Resolved(header, moves, new io.tierline.core.ticket.ArticleRef("KB-0123456789ab"));
        var without = new TicketEvent.Resolved(header, moves);
        var proposed = new TicketEvent.ArticleProposed(header, FieldMoves.NONE,
                new io.tierline.core.ticket.ArticleRef("KB-0123456789ab"));
        assertEquals(proposed, EventItems.event(EventItems.item(proposed)));
        assertEquals(List.of(new Change("proposedArticle", null, "KB-0123456789ab")), EventChanges.of(proposed));
        assertEquals(with, EventItems.event(EventItems.item(with)));
        assertEquals(without, EventItems.event(EventItems.item(without)));
        assertEquals(new Change("solvedWithArticle", null, "KB-0123456789ab"),
                EventChanges.of(with).get(EventChanges.of(with).size() - 1));
        assertEquals(EventChanges.of(without).size() + 1, EventChanges.of(with).size());
    }

    @Test
    void anApprovedEscalationKeepsWhoAskedForIt() {
        EventHeader header = new EventHeader(ID, 7, 0, Instant.parse("2026-12-05T10:00:00Z"),
                new Actor(Actor.Kind.SUPERVISOR, "sam"), "limited-knowledge", null);
        var approved = new TicketEvent.Escalated(header, FieldMoves.NONE.with(TicketField.TIER, Tier.FRONT_LINE,
                Tier.EXPERT), new TicketEvent.EscalationFacts(1, EscalationKind.FUNCTIONAL, "limited-knowledge",
                new Move<>(0, 0), null, false, new PersonId("alice")), List.of(), null);
        assertEquals(approved, EventItems.event(EventItems.item(approved)));
        assertEquals(new Actor(Actor.Kind.AGENT, "alice"), approved.escalatedBy());
        assertTrue(EventChanges.of(approved).contains(new Change("escalationRequestedBy", null, "alice")),
                EventChanges.of(approved).toString());
    }

    @Test
    void theFollowUpAndFeedbackKindsRoundTripWithTheirFacts() {
        Actor customer = Actor.customer("ada@example.com");
        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        List<TicketEvent> events = List.of(
                new TicketEvent.FollowUpRequested(new EventHeader(ID, 31, 0, at, Actor.system("follow-up"),
                        "follow-up: did the problem stay solved?", null), FieldMoves.NONE, 23, at),
                new TicketEvent.FollowUpAnswered(new EventHeader(ID, 32, 0, at.plusSeconds(60), customer,
                        "not solved", "it came back"), FieldMoves.NONE, 23, new FollowUpAnswer(false, 2)),
                new TicketEvent.FollowUpAnswered(new EventHeader(ID, 33, 0, at.plusSeconds(90), customer,
                        "stayed solved", null), FieldMoves.NONE, 30, new FollowUpAnswer(true, null)),
                new TicketEvent.EscalationFeedbackGiven(new EventHeader(ID, 34, 0, at.plusSeconds(120),
                        new Actor(Actor.Kind.SUPERVISOR, "petra"), "escalation 2 was not needed", "a billing question"), FieldMoves.NONE,
                        2, new EscalationFeedback(false, true)));
        for (TicketEvent event : events) {
            assertEquals(event, EventItems.event(EventItems.item(event)));
        }
        assertEquals(List.of(new Change("followUpResolution", null, "23"), new Change("stayedSolved", null, "false"),
                new Change("followUpRating", null, "2")), EventChanges.of(events.get(1)));
        assertEquals(List.of(new Change("escalationSequence", null, "2"), new Change("escalationNeeded", null,
                "false"), new Change("escalationComplete", null, "true")), EventChanges.of(events.get(3)));
        assertTrue(events.get(0).isPublic());
        assertFalse(events.get(3).isPublic(), "agents' feedback is internal");
    }

    @Test
    void formatOneItemsShowExactlyTheChangesTheyStored() throws Exception {
        for (Map<String, AttributeValue> item : legacyItems()) {
            TicketEvent event = EventItems.event(item);
            List<Change> stored = item.get("changes").l().stream().map(AttributeValue::m)
                    .map(m -> new Change(m.get("field").s(), s(m, "from"), s(m, "to"))).toList();
            assertEquals(stored.stream().filter(c -> !c.field().equals(EventChanges.DUE_AT)).toList(),
                    EventChanges.of(event), "changes of " + item);
            assertEquals(stored.stream().filter(c -> c.field().equals(EventChanges.DUE_AT)).map(c -> Instant.parse(
                    c.to())).findFirst().orElse(null), event.dueAt(), "due instant of " + item);
            assertEquals(item.get("visibility").s(), Codes.of(event.visibility()), "visibility of " + item);
            assertEquals(item.get("type").s(), Codes.of(event.type()));
            assertEquals(Long.parseLong(item.get("version").n()), event.version());
            assertEquals(Integer.parseInt(item.get("index").n()), event.index());
            assertEquals(Instant.parse(item.get("at").s()), event.at());
            assertEquals(item.get("actorKind").s(), Codes.of(event.actor().kind()));
            assertEquals(item.get("actorId").s(), event.actor().id());
            assertEquals(s(item, "reason"), event.reason());
            assertEquals(s(item, "body"), event.body());
        }
    }

    @Test
    void formatOneItemsReadIntoTypedEvents() throws Exception {
        Map<String, TicketEvent> e = byKey(decoded());
        var created = assertInstanceOf(TicketEvent.Created.class, e.get("created@1"));
        assertEquals(Optional.of(new Move<>(null, Status.NEW)), created.moves().status());
        assertEquals(Optional.of(new Move<>(null, Channel.WEB)), created.moves().get(TicketField.CHANNEL));
        assertEquals(Optional.of(new Move<>(null, Level.HIGH)), created.moves().get(TicketField.IMPACT));
        assertEquals(new Actor(Actor.Kind.CUSTOMER, "ada@example.com"), created.actor());

        var triaged = assertInstanceOf(TicketEvent.Triaged.class, e.get("triaged@2"));
        assertEquals(Optional.of(new Move<>(null, Priority.HIGH)), triaged.moves().priority());
        assertEquals(Optional.of(new Move<>(null, new TeamName("billing"))), triaged.moves().team());
        assertEquals(Optional.of(new Move<>(null, Tier.FRONT_LINE)), triaged.moves().tier());
        assertEquals(Optional.of(new Move<>("billing", "payments")), triaged.moves().get(TicketField.CATEGORY));
        assertEquals(Optional.of(new Move<>(List.of("invoice"), List.of("invoice", "lang-en", "vip"))),
                triaged.moves().get(TicketField.TAGS));
        assertEquals(Optional.of(new Move<>(null, 0.42)), triaged.moves().get(TicketField.FRUSTRATION));
        assertEquals(Optional.of(new Move<>(null, 0.7)), triaged.moves().get(TicketField.ESCALATION_RISK));
        assertEquals(Optional.of(new Move<>(null, "en")), triaged.moves().get(TicketField.LANGUAGE));
        assertEquals("rule vip-billing", triaged.reason());

        assertEquals(Status.OPEN, assertInstanceOf(TicketEvent.StatusChanged.class, e.get("status-changed@2"))
                .statusAfter());
        assertEquals(Optional.of(new Move<>(null, new PersonId("alice"))),
                assertInstanceOf(TicketEvent.Assigned.class, e.get("assigned@3")).moves().get(TicketField.ASSIGNEE));
        assertEquals("We are on it.", assertInstanceOf(TicketEvent.Replied.class, e.get("replied@4")).body());
        assertTrue(assertInstanceOf(TicketEvent.NoteAdded.class, e.get("note-added@5")).moves().isEmpty());
        assertInstanceOf(TicketEvent.CustomerReplied.class, e.get("customer-replied@7"));
        assertEquals(Optional.of(new Move<>(Priority.HIGH, Priority.URGENT)),
                assertInstanceOf(TicketEvent.LevelsChanged.class, e.get("levels-changed@8")).moves().priority());
        TransferTarget payments = new TransferTarget(new TeamName("payments"), Tier.EXPERT);
        assertEquals(Optional.of(new Move<>(null, payments)), assertInstanceOf(TicketEvent.TransferRequested.class,
                e.get("transfer-requested@9")).moves().get(TicketField.PENDING_TRANSFER));
        assertEquals(Optional.of(new Move<>(payments, null)), assertInstanceOf(TicketEvent.TransferRefused.class,
                e.get("transfer-refused@10")).moves().get(TicketField.PENDING_TRANSFER));
        var transferred = assertInstanceOf(TicketEvent.Transferred.class, e.get("transferred@12"));
        assertEquals(Optional.of(new Move<>(new TeamName("billing"), new TeamName("payments"))),
                transferred.moves().team());
        assertEquals(Optional.of(new Move<>(Tier.FRONT_LINE, Tier.EXPERT)), transferred.moves().tier());
        assertEquals(Optional.of(new Move<>(new PersonId("alice"), null)),
                transferred.moves().get(TicketField.ASSIGNEE));

        assertNull(assertInstanceOf(TicketEvent.EscalationRequested.class, e.get("escalation-requested@14"))
                .alreadyEscalated());
        var warning = assertInstanceOf(TicketEvent.SlaWarning.class, e.get("sla-warning@15"));
        assertEquals(new DeadlineKey(SlaMetric.FIRST_RESPONSE, 1, 75), warning.deadline());
        assertEquals(Instant.parse("2026-11-20T09:10:00Z"), warning.dueAt());
        var breach = assertInstanceOf(TicketEvent.SlaBreach.class, e.get("sla-breach@16"));
        assertEquals(new DeadlineKey(SlaMetric.FIRST_RESPONSE, 1, 100), breach.deadline());
        assertEquals(Instant.parse("2026-11-20T09:20:00Z"), breach.dueAt());

        var level = assertInstanceOf(TicketEvent.Escalated.class, e.get("escalated@17"));
        assertEquals(new TicketEvent.EscalationFacts(1, EscalationKind.AUTOMATIC, "sla-breach", new Move<>(0, 1),
                new PersonId("carol"), false), level.escalation());
        assertEquals(List.of(Recipient.person("carol"), Recipient.team("payments")), level.notified());
        assertEquals(Instant.parse("2026-11-20T09:20:00Z"), level.dueAt());
        assertEquals(Optional.of(new Move<>(List.of(), List.of(new PersonId("carol")))),
                level.moves().get(TicketField.WATCHERS));
        assertEquals(Optional.of(new Move<>(null, new PersonId("bob"))), level.moves().get(TicketField.ASSIGNEE));
        assertEquals("see the breach", level.body());
        var update = assertInstanceOf(TicketEvent.CustomerUpdated.class, e.get("customer-updated@17"));
        assertEquals(1, update.sequence());
        assertTrue(update.isPublic());

        var asked = assertInstanceOf(TicketEvent.Escalated.class, e.get("escalated@18"));
        assertEquals(new TicketEvent.EscalationFacts(2, EscalationKind.HIERARCHICAL, "customer-request", new Move<>(1, 1),
                new PersonId("sam"), true), asked.escalation());
        assertEquals(List.of(Recipient.person("sam")), asked.notified());
        assertNull(asked.dueAt());

        var reminder = assertInstanceOf(TicketEvent.EscalationReminder.class, e.get("escalation-reminder@19"));
        assertEquals(2, reminder.sequence());
        assertEquals(new Move<>(0, 1), reminder.reminder());
        assertEquals(List.of(Recipient.person("carol"), Recipient.person("sam")), reminder.notified());
        assertEquals(Instant.parse("2026-11-20T09:30:00Z"), reminder.dueAt());
        var silent = assertInstanceOf(TicketEvent.EscalationReminder.class, e.get("escalation-reminder@20"));
        assertEquals(List.of(), silent.notified());
        assertEquals(new Move<>(1, 2), silent.reminder());

        assertEquals(2, assertInstanceOf(TicketEvent.Acknowledged.class, e.get("acknowledged@21")).sequence());
        assertEquals(2, assertInstanceOf(TicketEvent.EscalationRequested.class, e.get("escalation-requested@22"))
                .alreadyEscalated());
        assertNull(assertInstanceOf(TicketEvent.CustomerUpdated.class, e.get("customer-updated@22")).sequence());

        var resolved = assertInstanceOf(TicketEvent.Resolved.class, e.get("resolved@23"));
        assertEquals("double charge bug", resolved.rootCause());
        assertEquals("Refunded the second charge", resolved.body());
        assertNull(assertInstanceOf(TicketEvent.Resolved.class, e.get("resolved@28")).rootCause());
        assertEquals(4, assertInstanceOf(TicketEvent.SatisfactionRated.class, e.get("satisfaction-rated@24"))
                .rating());
        var reopened = assertInstanceOf(TicketEvent.Reopened.class, e.get("reopened@25"));
        assertEquals(Optional.of(new Move<>("double charge bug", null)), reopened.moves().get(TicketField.ROOT_CAUSE));
        assertEquals(Status.CLOSED, e.get("status-changed@29").statusAfter());

        List<TicketEvent> all = decoded();
        var merged = assertInstanceOf(TicketEvent.Merged.class, all.get(all.size() - 2));
        assertEquals(Optional.of(new Move<>(null, new TicketId("01KB0000000000000000000003"))),
                merged.moves().get(TicketField.MERGED_INTO));
        assertEquals(Optional.of(new Move<>(new TransferTarget(new TeamName("payments"), Tier.FRONT_LINE), null)),
                merged.moves().get(TicketField.PENDING_TRANSFER));
        assertFalse(assertInstanceOf(TicketEvent.DuplicateMerged.class, all.get(all.size() - 1)).isPublic());
    }

    @Test
    void formatOneItemsInDynamoDbReadThroughTheStore() throws Exception {
        for (Map<String, AttributeValue> item : legacyItems()) {
            aws.dynamoDb().putItem(b -> b.tableName(table).item(item));
        }
        putTicket(ID);
        List<TicketEvent> expected = decoded().stream().filter(e -> e.ticketId().equals(ID)).toList();
        assertEquals(expected, new DynamoDbTicketStore(aws.dynamoDb(), table).history(ID).orElseThrow().events());
    }

    @Test
    void theNewFormatRoundTripsThroughDynamoDb() throws Exception {
        Map<TicketId, List<TicketEvent>> written = new LinkedHashMap<>();
        for (Map<String, AttributeValue> legacy : legacyItems()) {
            // the same events on other tickets (…01 becomes …91), so the items of the first test stay apart
            Map<String, AttributeValue> item = new HashMap<>(legacy);
            TicketId copy = new TicketId(legacy.get("ticketId").s().substring(0, 24) + "9"
                    + legacy.get("ticketId").s().substring(25));
            item.put("ticketId", AttributeValue.fromS(copy.value()));
            TicketEvent event = EventItems.event(item);
            written.computeIfAbsent(copy, id -> new ArrayList<>()).add(event);
            Map<String, AttributeValue> stored = EventItems.item(event);
            assertEquals("2", stored.get("fmt").n());
            assertFalse(stored.containsKey("changes"), "format 2 has typed attributes, not a changes list");
            aws.dynamoDb().putItem(b -> b.tableName(table).item(stored));
        }
        assertEquals(3, written.size());
        DynamoDbTicketStore store = new DynamoDbTicketStore(aws.dynamoDb(), table);
        written.forEach((id, events) -> {
            putTicket(id);
            List<TicketEvent> inKeyOrder = events.stream().sorted(java.util.Comparator
                    .comparingLong(TicketEvent::version).thenComparingInt(TicketEvent::index)).toList();
            assertEquals(inKeyOrder, store.history(id).orElseThrow().events());
        });
    }

    @Test
    void anItemOfALaterFormatIsRefusedRatherThanMisread() throws Exception {
        Map<String, AttributeValue> item = new HashMap<>(EventItems.item(decoded().get(0)));
        item.put("fmt", AttributeValue.fromN("3"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EventItems.event(item));
        assertTrue(refused.getMessage().contains("format 3"), refused.getMessage());
    }

    /** A ticket item for the history to find (its fields do not matter here). */
    static void putTicket(TicketId id) {
        Ticket opened = Ticket.open(id, new TicketDraft(new TicketDraft.Asked("s", "d"),
                new Requester("Ada", "ada@example.com", null, null), Channel.WEB,
                new TicketDraft.Levels(Level.LOW, Level.LOW),
                new TicketDraft.Topic(null, List.of())), "salt", Actor.customer("ada@example.com"),
                Instant.EPOCH).after();
        aws.dynamoDb().putItem(b -> b.tableName(table).item(TicketItems.ticketItem(opened)));
    }

    private static String s(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? m.get(name).s() : null;
    }
}
