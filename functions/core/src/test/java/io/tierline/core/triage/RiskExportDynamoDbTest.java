package io.tierline.core.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.aws.DynamoDbTicketQueries;
import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.classify.ContactHistory;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.time.SettableClock;
import io.tierline.local.LocalAws;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The risk export against DynamoDB Local: exactly the closed tickets, through the indexes, with the right labels. */
class RiskExportDynamoDbTest {
    static final Instant DAY0 = Instant.parse("2026-03-02T09:00:00Z");
    static LocalAws aws;
    static TicketStore store;
    static DynamoDbTicketQueries queries;
    final SettableClock clock = new SettableClock(DAY0);

    @BeforeAll
    static void startEmulator() {
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
        store = new DynamoDbTicketStore(aws.dynamoDb(), aws.tableName("TicketsTable"));
        queries = new DynamoDbTicketQueries(aws.dynamoDb(), aws.tableName("TicketsTable"));
    }

    @AfterAll
    static void stopEmulator() {
        aws.close();
    }

    /** A ticket stored as it stands after its life: its team, tier, status and escalation count. */
    Ticket stored(int day, String customer, String team, Tier tier, Status status, int escalations,
                  TicketId mergedInto) {
        clock.set(DAY0.plus(Duration.ofDays(day)));
        Ticket opened = Ticket.open(TicketId.next(clock),
                new TicketDraft(new TicketDraft.Asked("Subject on day " + day, "details"),
                new Requester(customer, customer + "@example.com", customer, "pro"), Channel.EMAIL,
                new TicketDraft.Levels(Level.LOW, Level.LOW),
                new TicketDraft.Topic("billing", List.of())), "salt", Actor.customer(customer + "@example.com"),
                clock.instant()).after();
        Ticket.Work work = opened.work().withStatus(status);
        Ticket t = new Ticket(opened.id(), opened.request(), opened.classification().withPlace(new TeamName(team),
                tier),
                mergedInto == null ? work : work.withMergedInto(mergedInto),
                new Ticket.Clocks(null, null, EscalationState.fresh("standard", 0, escalations, null, 0, null)),
                opened.createdAt(), opened.updatedAt(), opened.version());
        store.create(new TicketChange(null, t, List.of()), Optional.empty());
        return t;
    }

    @Test
    void exportsExactlyTheClosedTicketsWithTheirLabelAndTheCustomersHistoryAtTheTime() {
        Ticket a = stored(0, "alice", "billing", Tier.FRONT_LINE, Status.CLOSED, 0, null);
        Ticket b = stored(2, "alice", "billing", Tier.EXPERT, Status.CLOSED, 0, null);
        Ticket e = stored(3, "bob", "security", Tier.ENGINEERING, Status.CLOSED, 0, null);
        Ticket c = stored(4, "alice", "billing", Tier.FRONT_LINE, Status.CLOSED, 1, null);
        stored(5, "alice", "billing", Tier.FRONT_LINE, Status.SOLVED, 0, null);
        stored(6, "bob", "billing", Tier.EXPERT, Status.OPEN, 0, null);
        stored(6, "alice", "billing", Tier.FRONT_LINE, Status.CLOSED, 0, a.id());
        stored(7, "carol", "identity", Tier.EXPERT, Status.CLOSED, 0, null);
        Ticket d = stored(20, "alice", "billing", Tier.FRONT_LINE, Status.CLOSED, 0, null);

        List<RiskExport.Example> examples = RiskExport.closedTickets(queries, List.of(new TeamName("billing"),
                new TeamName("security")),
                DAY0.plus(Duration.ofDays(30)));

        assertEquals(List.of(a.id(), b.id(), e.id(), c.id(), d.id()),
                examples.stream().map(x -> x.ticket().id()).toList(),
                "closed tickets of the teams asked, oldest first; not solved, open, merged or other teams'");
        assertEquals(List.of(false, true, true, true, false),
                examples.stream().map(RiskExport.Example::escalated).toList(),
                "tier 2+ or escalated at least once");
        assertEquals(List.of(new ContactHistory(0, 7, 0), new ContactHistory(1, 7, 0), new ContactHistory(0, 7, 0),
                        new ContactHistory(2, 7, 1), new ContactHistory(0, 7, 2)),
                examples.stream().map(RiskExport.Example::history).toList(),
                "earlier tickets of the same customer: within a week as contacts, escalated ones at any age "
                        + "(day 20: nothing in the week before, b and c escalated)");
        assertTrue(examples.get(0).context().markerWords().contains("riskplanpro riskcategorybilling"),
                examples.get(0).context().markerWords());
    }
}
