package io.tierline.api;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.policy.Policies;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.request.AgentActions;
import io.tierline.core.routing.Agent;
import io.tierline.core.routing.AgentState;
import io.tierline.core.routing.Availability;
import io.tierline.core.routing.Roster;
import io.tierline.core.routing.RoutingService;
import io.tierline.core.routing.Staffing;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Skill;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Tier;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * People and automatic assignment: an agent's own tickets and availability, and a supervisor's view of their
 * team's load against capacity. Rebalancing by hand is the assignment action of a ticket
 * ({@code POST /tickets/{id}/assignment}), which automatic assignment never overrides.
 */
@Singleton
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {
    private static final List<Status> HELD = List.of(Status.OPEN, Status.PENDING, Status.ON_HOLD);

    @Inject
    Caller caller;
    @Inject
    RoutingService routing;
    @Inject
    Roster roster;
    @Inject
    Policies policies;
    @Inject
    TicketQueries queries;
    @Inject
    Clock clock;

    public record MyTickets(String person, String availability, List<QueueResource.QueueItem> items) {
    }

    public record AvailabilitySet(String person, String availability, int ticketsMoved) {
    }

    /**
     * One person of a team: their load against the limit for a normal ticket, their status and what they know.
     *
     * @param lastAssignedAt null when never
     */
    public record PersonLoad(String id, String availability, int load, int capacity, List<String> skills,
                             List<String> languages, List<Integer> tiers, Instant lastAssignedAt) {
    }

    public record TeamPeople(String team, String mode, List<PersonLoad> people) {
    }

    /**
     * The tickets the caller holds in any of their teams, open, pending or on hold, soonest due first per status.
     * Their teams are those of their sign-in, which every other ticket endpoint checks: a team only the policy
     * document's directory puts them in lists nothing, as they could not open its tickets.
     */
    @GET
    @Path("agents/me/tickets")
    public MyTickets myTickets() {
        Principal who = caller.agent();
        List<QueueResource.QueueItem> items = new ArrayList<>();
        for (TeamName team : new TreeSet<>(who.teams())) {
            for (Status status : HELD) {
                queries.teamQueue(new TicketQueries.QueueQuery(team, status,
                        TicketQueries.Filter.ALL.withAssignee(who.id()),
                        TicketQueries.Paging.first(QueueResource.MAX_LIMIT)), clock.instant())
                        .items().forEach(t -> items.add(QueueResource.QueueItem.of(t)));
            }
        }
        return new MyTickets(who.id(), state(new PersonId(who.id())).availability().code(), items);
    }

    /**
     * Sets the caller's availability. Away or offline: the tickets automatic assignment gave them go to others (or
     * wait); available: their teams' waiting tickets are offered.
     */
    @PUT
    @Path("agents/me/availability")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.AvailabilityChange.class)))
    public AvailabilitySet setAvailability(byte[] body, @HeaderParam("Content-Type") String type) {
        Principal who = caller.agent();
        ActionRequest request = ActionRequest.parse("PUT", "/agents/me/availability", type, body, null, null,
                "availability:" + who.id());
        var bound = request.body(AgentActions.AvailabilityChange.class);
        bound.valid();
        Availability availability = Availability.fromCode(bound.get().availability());
        int moved = routing.setAvailability(new PersonId(who.id()), availability);
        return new AvailabilitySet(who.id(), availability.code(), moved);
    }

    /** A supervisor of the team (or an admin): each person's load against capacity, status and skills. */
    @GET
    @Path("teams/{team}/people")
    public TeamPeople teamPeople(@PathParam("team") String name) {
        TeamName team = new TeamName(name);
        Principal who = caller.atLeast(Role.SUPERVISOR);
        if (!who.seesTeam(team)) {
            throw new ForbiddenException(who.id() + " does not supervise team " + team);
        }
        List<Agent> members = staffing().members(team);
        Map<PersonId, AgentState> states = roster.states(members.stream().map(Agent::id).toList());
        List<PersonLoad> people = members.stream().map(a -> {
            AgentState s = states.getOrDefault(a.id(), AgentState.FRESH);
            return new PersonLoad(a.id().value(), s.availability().code(), s.load(), a.capacity().open(),
                    a.competence().skills().stream().map(Skill::label).sorted().toList(),
                    a.competence().languages().stream().sorted().toList(),
                    a.placement().tiers().stream().map(Tier::number).sorted().toList(), s.lastAssignedAt());
        }).toList();
        return new TeamPeople(name, staffing().rule(team).mode().code(), people);
    }

    private Staffing staffing() {
        return policies.staffing();
    }

    private AgentState state(PersonId person) {
        return roster.states(List.of(person)).getOrDefault(person, AgentState.FRESH);
    }
}
