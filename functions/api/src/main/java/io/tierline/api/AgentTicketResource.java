package io.tierline.api;

import io.tierline.core.escalation.EscalationEngine;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.escalation.EscalationReason;
import io.tierline.core.escalation.ManualEscalation;
import io.tierline.core.access.Principal;
import io.tierline.core.policy.Policies;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.work.TicketCommands;
import io.tierline.core.work.TicketNotFoundException;
import io.tierline.core.work.TicketWorkService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.SortedSet;

/**
 * What agents, supervisors and admins do to a ticket. Every action takes an optional {@code If-Match} (the version
 * from the ETag) and {@code Idempotency-Key}, answers the ticket with its trail and a new ETag, and is recorded in the
 * audit trail with who, when, what changed and why.
 */
@Path("/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AgentTicketResource {
    /** The escalation's {@code tier} that means one up from the ticket's own. */
    static final String NEXT_TIER = "next";
    @Inject
    Caller caller;
    @Inject
    TicketWorkService work;
    @Inject
    TicketCommands commands;
    @Inject
    Policies policies;
    @Inject
    EscalationEngine engine;

    /** One action's plumbing: who, which ticket, which body fields, and the domain call. */
    private interface Step {
        TicketWorkService.Action action(ActionRequest request, Principal who);
    }

    /** The same for a domain call that reads the ticket's trail (the escalation engine's). */
    private interface TrailStep {
        TicketWorkService.TrailAction action(ActionRequest request, Principal who);
    }

    @GET
    public Response read(@PathParam("id") String id) {
        return view(work.read(ticketId(id), caller.agent()));
    }

    @POST
    @Path("assignment")
    public Response assign(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                           @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "assignment", body, type, ifMatch, key, Set.of("assignee"), (r, who) -> {
            String assignee = r.fields.line("assignee", false, 200);
            return (t, now) -> t.assign(assignee, who.actor(), now);
        });
    }

    @POST
    @Path("replies")
    public Response reply(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                          @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "replies", body, type, ifMatch, key, Set.of("body", "public"), (r, who) -> {
            String text = r.fields.text("body", true, 20_000);
            boolean isPublic = r.json.path("public").asBoolean(true);
            r.fields.check(!r.json.has("public") || r.json.get("public").isBoolean(), "public", "must be true or false");
            return (t, now) -> t.agentReply(text, isPublic, who.actor(), now);
        });
    }

    @POST
    @Path("status")
    public Response status(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                           @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "status", body, type, ifMatch, key, Set.of("status", "reason"), (r, who) -> {
            Status target = r.fields.required("status", "one of " + Codes.allowed(Status.class), Status::fromCode);
            String reason = r.fields.text("reason", false, 2000);
            return (t, now) -> t.moveTo(target, who.actor(), now, reason);
        });
    }

    @POST
    @Path("levels")
    public Response levels(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                           @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "levels", body, type, ifMatch, key, Set.of("impact", "urgency", "priority", "reason"), (r, who) -> {
            Level impact = r.fields.parsed("impact", c -> Codes.parse(Level.class, c), null);
            Level urgency = r.fields.parsed("urgency", c -> Codes.parse(Level.class, c), null);
            Priority priority = r.fields.parsed("priority", c -> Codes.parse(Priority.class, c), null);
            String reason = r.fields.text("reason", true, 2000);
            r.fields.check(impact != null || urgency != null || priority != null || !r.json.isObject(), "$",
                    "name at least one of impact, urgency, priority");
            return (t, now) -> commands.changeLevels(t, impact, urgency, priority, reason, who, now);
        });
    }

    @POST
    @Path("transfer")
    public Response transfer(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                             @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "transfer", body, type, ifMatch, key, Set.of("team", "tier", "reason"), (r, who) -> {
            String team = knownTeam(r);
            Tier tier = r.json.has("tier") ? tierOf(r, "") : null;
            String reason = r.fields.text("reason", true, 2000);
            r.fields.check(team != null || tier != null || !r.json.isObject(), "$", "name a team, a tier or both");
            return (t, now) -> commands.transfer(t, team, tier, reason, who, now);
        });
    }

    /** A supervisor's decision on a pending transfer; one that an escalation asked for is recorded as one. */
    @POST
    @Path("transfer/decision")
    public Response decideTransfer(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                                   @HeaderParam("If-Match") String ifMatch,
                                   @HeaderParam("Idempotency-Key") String key) {
        return actOnTrail(id, "transfer/decision", body, type, ifMatch, key, Set.of("approve", "reason"), (r, who) -> {
            r.fields.check(r.json.path("approve").isBoolean(), "approve", "is required: true or false");
            boolean approve = r.json.path("approve").asBoolean();
            String reason = r.fields.text("reason", !approve, 2000);
            return (h, now) -> commands.decideTransfer(h, approve, reason, who, now);
        });
    }

    /**
     * A manual escalation: functional to a team and/or tier (waiting for a supervisor's approval where the policy
     * says so), or hierarchical to the supervisor or manager of the ticket's team. A functional one to
     * {@code "tier":"next"}, or naming neither team nor tier, goes one tier up (409 from the top tier).
     */
    @POST
    @Path("escalations")
    public Response escalate(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                             @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return actOnTrail(id, "escalations", body, type, ifMatch, key, Set.of("kind", "reason", "comment", "team",
                "tier", "to"), (r, who) -> {
            EscalationKind kind = r.fields.required("kind", "functional or hierarchical", code -> {
                EscalationKind k = Codes.parse(EscalationKind.class, code);
                if (k == EscalationKind.AUTOMATIC) {
                    throw new IllegalArgumentException("must be functional or hierarchical");
                }
                return k;
            });
            EscalationReason reason = r.fields.required("reason", "one of " + Codes.allowed(EscalationReason.class),
                    code -> Codes.parse(EscalationReason.class, code));
            String comment = r.fields.text("comment", false, 2000);
            String team = knownTeam(r);
            // "next" (or no team and no tier) is one tier up from the ticket's, decided when the escalation runs
            boolean nextTier = NEXT_TIER.equals(r.json.path("tier").asText(null));
            Tier tier = r.json.has("tier") && !nextTier ? tierOf(r, " or \"" + NEXT_TIER + "\"") : null;
            String to = r.fields.line("to", false, 20);
            r.fields.check(to == null || to.equals("supervisor") || to.equals("manager"), "to",
                    "must be supervisor or manager");
            // built when the action runs, after the request was validated: kind and reason are then present
            return (h, now) -> commands.escalateByHand(h, new ManualEscalation(kind, reason, comment, team, tier,
                    nextTier, to), who, now);
        });
    }

    /** The person escalated to has it: the walk up the levels stops (until the acknowledgement times out). */
    @POST
    @Path("acknowledgement")
    public Response acknowledge(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                                @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "acknowledgement", body, type, ifMatch, key, Set.of(),
                (r, who) -> (t, now) -> engine.acknowledge(t, who.actor(), now));
    }

    /** "Escalate to next": the policy's next level now, whatever its trigger. */
    @POST
    @Path("escalations/next")
    public Response escalateToNext(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                                   @HeaderParam("If-Match") String ifMatch,
                                   @HeaderParam("Idempotency-Key") String key) {
        return actOnTrail(id, "escalations/next", body, type, ifMatch, key, Set.of("comment"), (r, who) -> {
            String comment = r.fields.text("comment", false, 2000);
            return (h, now) -> engine.escalateToNext(h.ticket(), h.events(), comment, who.actor(), now);
        });
    }

    @POST
    @Path("resolution")
    public Response resolve(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                            @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "resolution", body, type, ifMatch, key, Set.of("note", "rootCause"), (r, who) -> {
            String note = r.fields.text("note", true, 20_000);
            String rootCause = r.fields.text("rootCause", false, 2000);
            return (t, now) -> t.resolve(note, rootCause, who.actor(), now);
        });
    }

    @POST
    @Path("reopen")
    public Response reopen(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                           @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "reopen", body, type, ifMatch, key, Set.of("reason"), (r, who) -> {
            String reason = r.fields.text("reason", true, 2000);
            return (t, now) -> t.reopen(reason, who.actor(), now);
        });
    }

    @POST
    @Path("merge")
    public Response merge(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                          @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        Principal who = caller.agent();
        ActionRequest r = ActionRequest.parse("POST", "/tickets/" + id + "/merge", type, body, ifMatch, key,
                "action:" + who.id(), Set.of("into", "reason"));
        String into = r.fields.line("into", true, 26);
        r.fields.check(into == null || TicketId.isValid(into), "into", "must be a ticket id");
        String reason = r.fields.text("reason", false, 2000);
        r.validate();
        Ticket survivor = work.find(new TicketId(into), who);
        var merged = work.actOnMany(ticketId(id), who, r.guard(),
                (t, now) -> t.mergeInto(survivor, reason, who.actor(), now));
        return view(merged);
    }

    private Response act(String id, String action, byte[] body, String contentType, String ifMatch, String key,
                         Set<String> fields, Step step) {
        return actOnTrail(id, action, body, contentType, ifMatch, key, fields, (request, who) -> {
            TicketWorkService.Action domainAction = step.action(request, who);
            return (history, now) -> domainAction.apply(history.ticket(), now);
        });
    }

    /** Parses and validates the request, runs the action with the ticket's trail, and answers the ticket. */
    private Response actOnTrail(String id, String action, byte[] body, String contentType, String ifMatch,
                                String key, Set<String> fields, TrailStep step) {
        Principal who = caller.agent();
        ActionRequest request = ActionRequest.parse("POST", "/tickets/" + id + "/" + action, contentType, body,
                ifMatch, key, "action:" + who.id(), fields);
        TicketWorkService.TrailAction domainAction = step.action(request, who);
        request.validate();
        return view(work.actOnTrail(ticketId(id), who, request.guard(), domainAction));
    }

    /** The optional {@code team} of a transfer or escalation: one the policy document names (see Policies#teams). */
    private String knownTeam(ActionRequest r) {
        String team = r.fields.line("team", false, 63);
        if (team != null) {
            SortedSet<String> teams = policies.teams();
            // the list of teams is spelled out only for a request that names an unknown one
            if (!teams.contains(team)) {
                r.fields.check(false, "team", "is not a team of the policy document; teams: "
                        + String.join(", ", teams));
            }
        }
        return team;
    }

    private static Tier tierOf(ActionRequest r, String orElse) {
        var node = r.json.get("tier");
        if (!node.canConvertToExactIntegral() || node.asInt() < 0 || node.asInt() > 3) {
            r.fields.check(false, "tier", "must be a tier from 0 to 3" + orElse);
            return null;
        }
        return Tier.of(node.asInt());
    }

    static TicketId ticketId(String id) {
        if (!TicketId.isValid(id)) {
            throw new TicketNotFoundException(id);
        }
        return new TicketId(id);
    }

    /** The ticket with its trail and its SLA clocks now, and its version as the ETag. */
    private Response view(TicketHistory history) {
        TicketView view = TicketView.of(history).withClocks(ClocksView.of(work.clocks(history),
                history.ticket().nextDeadline())).withEscalationRecord(history, work.clock().instant());
        return Response.ok(view).header("ETag", "\"" + history.ticket().version() + "\"").build();
    }
}
