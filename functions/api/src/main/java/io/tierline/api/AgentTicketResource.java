package io.tierline.api;

import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.access.Principal;
import io.tierline.core.escalation.EscalationEngine;
import io.tierline.core.escalation.EscalationReason;
import io.tierline.core.escalation.ManualEscalation;
import io.tierline.core.escalation.Seniority;
import io.tierline.core.knowledge.Audience;
import io.tierline.core.knowledge.KnowledgeService;
import io.tierline.core.knowledge.SearchHit;
import io.tierline.core.policy.Policies;
import io.tierline.core.request.AgentActions;
import io.tierline.core.request.RequestBinder;
import io.tierline.core.ticket.ArticleRef;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.EscalationFeedback;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.work.TicketCommands;
import io.tierline.core.work.TicketNotFoundException;
import io.tierline.core.work.TicketWorkService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * What agents, supervisors and admins do to a ticket. Every action takes an optional {@code If-Match} (the version
 * from the ETag) and {@code Idempotency-Key}, answers the ticket with its trail and a new ETag, and is recorded in the
 * audit trail with who, when, what changed and why.
 */
@Singleton
@Path("/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AgentTicketResource {
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
    @Inject
    KnowledgeService knowledge;
    @Inject
    CurrentRequest request;

    /** One action's plumbing: who, the body as bound (a step may add checks of its own), and the domain call. */
    private interface Step<B> {
        TicketWorkService.Action action(RequestBinder.Bound<B> body, Principal who);
    }

    /** The same for a domain call that reads the ticket's trail (the escalation engine's). */
    private interface TrailStep<B> {
        TicketWorkService.TrailAction action(RequestBinder.Bound<B> body, Principal who);
    }

    @GET
    public Response read(@PathParam("id") String id) {
        return view(work.read(ticketId(id), caller.agent()));
    }

    /**
     * Articles that may answer the ticket, for whoever works on it (internal ones too). A public article's link is
     * its help-center page, made like the other links we hand out, so an agent can paste it into a reply; an
     * internal one's is its page in the dashboard, which only staff can open.
     */
    @GET
    @Path("suggested-articles")
    public List<SuggestedArticle> suggestedArticles(@PathParam("id") String id) {
        TicketHistory history = work.read(ticketId(id), caller.agent());
        return knowledge.suggestFor(history.ticket(), SUGGESTIONS).stream()
                .map(hit -> SuggestedArticle.of(hit, link(request.get().baseUri(), hit))).toList();
    }

    private static String link(String baseUri, SearchHit hit) {
        String id = URLEncoder.encode(hit.id().value(), StandardCharsets.UTF_8);
        return baseUri + (hit.audience() == Audience.PUBLIC ? "help/articles/" + id : "dashboard#/articles/" + id);
    }

    static final int SUGGESTIONS = 5;

    /** @param audience {@code public} or {@code internal}: only a public article's link may go to a customer */
    public record SuggestedArticle(String id, String title, String category, String language, String audience,
                                   double score, String snippet, String link) {
        static SuggestedArticle of(SearchHit hit, String link) {
            return new SuggestedArticle(hit.id().value(), hit.title(), hit.category(), hit.language(),
                    hit.audience().code(), hit.score(), hit.snippet(), link);
        }
    }

    @POST
    @Path("assignment")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.Assignment.class)))
    public Response assign(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                           @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "assignment", body, type, ifMatch, key, AgentActions.Assignment.class, (r, who) -> {
            PersonId assignee = PersonId.of(r.get().assignee());
            return (t, now) -> commands.assign(t, assignee, who, now);
        });
    }

    @POST
    @Path("replies")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.Reply.class)))
    public Response reply(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                          @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "replies", body, type, ifMatch, key, AgentActions.Reply.class, (r, who) -> {
            String text = r.get().body();
            boolean isPublic = r.get().published();
            return (t, now) -> t.agentReply(text, isPublic, who.actor(), now);
        });
    }

    @POST
    @Path("status")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.StatusChange.class)))
    public Response status(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                           @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "status", body, type, ifMatch, key, AgentActions.StatusChange.class, (r, who) -> {
            Status target = codeOf(Status.class, r.get().status());
            String reason = r.get().reason();
            return (t, now) -> t.moveTo(target, who.actor(), now, reason);
        });
    }

    @POST
    @Path("levels")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.LevelsChange.class)))
    public Response levels(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                           @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "levels", body, type, ifMatch, key, AgentActions.LevelsChange.class, (r, who) -> {
            Level impact = codeOf(Level.class, r.get().impact());
            Level urgency = codeOf(Level.class, r.get().urgency());
            Priority priority = codeOf(Priority.class, r.get().priority());
            String reason = r.get().reason();
            return (t, now) -> commands.changeLevels(t, impact, urgency, priority, reason, who, now);
        });
    }

    @POST
    @Path("transfer")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.Transfer.class)))
    public Response transfer(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                             @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "transfer", body, type, ifMatch, key, AgentActions.Transfer.class, (r, who) -> {
            TeamName team = knownTeam(r, r.get().team());
            Tier tier = tierOf(r.get().tier());
            String reason = r.get().reason();
            return (t, now) -> commands.transfer(t, team, tier, reason, who, now);
        });
    }

    /** A supervisor's decision on a pending transfer; one that an escalation asked for is recorded as one. */
    @POST
    @Path("transfer/decision")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.TransferDecision.class)))
    public Response decideTransfer(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                                   @HeaderParam("If-Match") String ifMatch,
                                   @HeaderParam("Idempotency-Key") String key) {
        return actOnTrail(id, "transfer/decision", body, type, ifMatch, key, AgentActions.TransferDecision.class,
                (r, who) -> {
            boolean approve = r.get().approved();
            String reason = r.get().reason();
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
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.Escalation.class)))
    public Response escalate(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                             @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return actOnTrail(id, "escalations", body, type, ifMatch, key, AgentActions.Escalation.class, (r, who) -> {
            EscalationKind kind = codeOf(EscalationKind.class, r.get().kind());
            EscalationReason reason = codeOf(EscalationReason.class, r.get().reason());
            // a field of the other kind would be dropped silently: refused like an unknown field
            r.check(kind != EscalationKind.FUNCTIONAL || r.get().to() == null, "to",
                    "is for a hierarchical escalation; a functional one goes to a team and/or tier");
            r.check(kind != EscalationKind.HIERARCHICAL || r.get().team() == null, "team",
                    "is for a functional escalation; a hierarchical one stays with the ticket's team");
            r.check(kind != EscalationKind.HIERARCHICAL || r.get().tier() == null, "tier",
                    "is for a functional escalation; a hierarchical one stays at the ticket's tier");
            String comment = r.get().comment();
            TeamName team = knownTeam(r, r.get().team());
            // "next" (or no team and no tier) is one tier up from the ticket's, decided when the escalation runs
            boolean nextTier = r.get().nextTier();
            Tier tier = tierOf(r.get().tierNumber());
            Seniority to = codeOf(Seniority.class, r.get().to());
            // built when the action runs, after the request was validated: kind and reason are then present
            return (h, now) -> commands.escalateByHand(h, new ManualEscalation(kind, reason, comment, team, tier,
                    nextTier, to), who, now);
        });
    }

    /** The person escalated to has it: the walk up the levels stops (until the acknowledgement times out). */
    @POST
    @Path("acknowledgement")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.Acknowledgement.class)))
    public Response acknowledge(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                                @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "acknowledgement", body, type, ifMatch, key, AgentActions.Acknowledgement.class,
                (r, who) -> (t, now) -> engine.acknowledge(t, who.actor(), now));
    }

    /** "Escalate to next": the policy's next level now, whatever its trigger. */
    @POST
    @Path("escalations/next")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.EscalationToNext.class)))
    public Response escalateToNext(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                                   @HeaderParam("If-Match") String ifMatch,
                                   @HeaderParam("Idempotency-Key") String key) {
        return actOnTrail(id, "escalations/next", body, type, ifMatch, key, AgentActions.EscalationToNext.class,
                (r, who) -> {
            String comment = r.get().comment();
            return (h, now) -> engine.escalateToNext(h.ticket(), h.events(), comment, who.actor(), now);
        });
    }

    /**
     * The receiver of escalation {@code sequence} (the person it went to, an agent of the team it went to, or an
     * admin) says once whether it was needed and complete; customers never see it.
     */
    @POST
    @Path("escalations/{sequence}/feedback")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.EscalationFeedback.class)))
    public Response escalationFeedback(@PathParam("id") String id, @PathParam("sequence") int sequence, byte[] body,
                                       @HeaderParam("Content-Type") String type, @HeaderParam("If-Match") String ifMatch,
                                       @HeaderParam("Idempotency-Key") String key) {
        return actOnTrail(id, "escalations/" + sequence + "/feedback", body, type, ifMatch, key,
                AgentActions.EscalationFeedback.class, (r, who) -> {
                    AgentActions.EscalationFeedback given = r.get();
                    return (h, now) -> commands.escalationFeedback(h, sequence,
                            new EscalationFeedback(given.needed(), given.complete()), given.comment(), who, now);
                });
    }

    @POST
    @Path("resolution")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.Resolution.class)))
    public Response resolve(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                            @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "resolution", body, type, ifMatch, key, AgentActions.Resolution.class, (r, who) -> {
            String note = r.get().note();
            String rootCause = r.get().rootCause();
            ArticleRef article = solvedWith(r, r.get().articleId());
            return (t, now) -> t.resolve(note, rootCause, article, who.actor(), now);
        });
    }

    /**
     * A draft article from this solved ticket (agents and above; only supervisors and admins publish it), recorded
     * once in the trail. One draft per ticket: a repeated request answers the same draft and records nothing new.
     */
    @POST
    @Path("article-draft")
    public Response proposeArticle(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                   @HeaderParam("Idempotency-Key") String key) {
        Principal who = caller.agent();
        TicketHistory history = work.read(ticketId(id), who);
        KnowledgeService.Written draft = knowledge.proposeFrom(history.ticket(), who);
        ArticleRef article = new ArticleRef(draft.article().id().value());
        boolean recorded = history.events().stream().anyMatch(e -> e instanceof TicketEvent.ArticleProposed p
                && p.article().equals(article));
        if (!recorded) {
            ActionRequest request = ActionRequest.parse("POST", "/tickets/" + id + "/article-draft", null, null,
                    ifMatch, key, "action:" + who.id());
            history = work.actOnTrail(ticketId(id), who, request.guard(),
                    (h, now) -> h.ticket().proposeArticle(article, who.actor(), now)).history();
        }
        return Response.fromResponse(view(history)).status(recorded ? 200 : 201)
                .location(URI.create("/articles/" + article.value())).build();
    }

    @POST
    @Path("reopen")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.Reopening.class)))
    public Response reopen(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                           @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return act(id, "reopen", body, type, ifMatch, key, AgentActions.Reopening.class, (r, who) -> {
            String reason = r.get().reason();
            return (t, now) -> t.reopen(reason, who.actor(), now);
        });
    }

    @POST
    @Path("merge")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentActions.Merge.class)))
    public Response merge(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                          @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        Principal who = caller.agent();
        ActionRequest r = ActionRequest.parse("POST", "/tickets/" + id + "/merge", type, body, ifMatch, key,
                "action:" + who.id());
        AgentActions.Merge merge = r.body(AgentActions.Merge.class).valid();
        String into = merge.into();
        String reason = merge.reason();
        Ticket survivor = work.find(new TicketId(into), who);
        var merged = work.actOnMany(ticketId(id), who, r.guard(),
                (t, now) -> t.mergeInto(survivor, reason, who.actor(), now));
        return view(merged);
    }

    private <B> Response act(String id, String action, byte[] body, String contentType, String ifMatch, String key,
                             Class<B> bodyType, Step<B> step) {
        return actOnTrail(id, action, body, contentType, ifMatch, key, bodyType, (request, who) -> {
            TicketWorkService.Action domainAction = step.action(request, who);
            return (history, now) -> domainAction.apply(history.ticket(), now);
        });
    }

    /** Parses and validates the request, runs the action with the ticket's trail, and answers the ticket. */
    private <B> Response actOnTrail(String id, String action, byte[] body, String contentType, String ifMatch,
                                    String key, Class<B> bodyType, TrailStep<B> step) {
        Principal who = caller.agent();
        ActionRequest request = ActionRequest.parse("POST", "/tickets/" + id + "/" + action, contentType, body,
                ifMatch, key, "action:" + who.id());
        RequestBinder.Bound<B> bound = request.body(bodyType);
        TicketWorkService.TrailAction domainAction = step.action(bound, who);
        bound.valid();
        return view(work.actOnTrail(ticketId(id), who, request.guard(), domainAction));
    }

    /** The optional article a ticket is solved with: it must be published (either audience) to be counted. */
    private ArticleRef solvedWith(RequestBinder.Bound<?> r, String articleId) {
        if (articleId == null || articleId.isBlank()) {
            return null;
        }
        Optional<ArticleRef> ref = knowledge.publishedRef(articleId.strip());
        r.check(ref.isPresent(), "articleId", "must name a published article");
        return ref.orElse(null);
    }

    /** The optional {@code team} of a transfer or escalation: one the policy document names (see Policies#teams). */
    private TeamName knownTeam(RequestBinder.Bound<?> r, String team) {
        if (team != null) {
            SortedSet<String> teams = policies.teams();
            // the list of teams is spelled out only for a request that names an unknown one
            if (!teams.contains(team)) {
                r.check(false, "team", "is not a team of the policy document; teams: " + String.join(", ", teams));
            }
        }
        return TeamName.of(team);
    }

    /** A tier the body named and its validation allowed (an invalid one is refused before the action runs). */
    private static Tier tierOf(Integer tier) {
        return tier == null || tier < 0 || tier > 3 ? null : Tier.of(tier);
    }

    /** A code the body named and its validation allowed (an invalid one is refused before the action runs). */
    private static <E extends Enum<E>> E codeOf(Class<E> type, String code) {
        try {
            return code == null ? null : Codes.parse(type, code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static TicketId ticketId(String id) {
        if (!TicketId.isValid(id)) {
            throw new TicketNotFoundException(id);
        }
        return new TicketId(id);
    }

    /** The ticket after an action; a retry answered from the first request says so, as intake's replays do. */
    private Response view(TicketWorkService.Done done) {
        return TicketResource.replayed(Response.fromResponse(view(done.history())), done.replayed()).build();
    }

    /** The ticket with its trail and its SLA clocks now, and its version as the ETag. */
    private Response view(TicketHistory history) {
        TicketView view = TicketView.of(history).withClocks(ClocksView.of(work.clocks(history),
                history.ticket().nextDeadline())).withEscalationRecord(history, work.clock().instant());
        return Response.ok(view).header("ETag", "\"" + history.ticket().version() + "\"").build();
    }
}
