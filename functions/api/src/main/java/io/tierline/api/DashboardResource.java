package io.tierline.api;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.triage.TriagePolicy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The agents' and supervisors' dashboard: a static single page (HTML, plain JavaScript modules, CSS; no build step)
 * served from this function so it is the same in AWS and locally, its public sign-in configuration, and who the
 * signed-in person is. Assets are served from an allow-list with explicit types, through JAX-RS so that
 * {@link SecurityHeaders} applies to them as to every other answer.
 */
@Singleton
@Path("/dashboard")
public class DashboardResource {
    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    static final String JS = "text/javascript;charset=UTF-8";
    static final String CSS = "text/css;charset=UTF-8";
    /** Every file the page loads, and its type; anything else is a 404. */
    static final Map<String, String> ASSETS = Map.ofEntries(
            Map.entry("index.html", HTML), Map.entry("dashboard.css", CSS), Map.entry("app.js", JS),
            Map.entry("api.js", JS), Map.entry("auth.js", JS), Map.entry("dom.js", JS), Map.entry("time.js", JS),
            Map.entry("queues.js", JS), Map.entry("ticket.js", JS), Map.entry("supervisor.js", JS),
            Map.entry("chart.js", JS), Map.entry("reviews.js", JS), Map.entry("people.js", JS),
            Map.entry("articles.js", JS), Map.entry("knowledge.js", JS));

    /** Who is signed in, and the teams whose queues they may open. */
    public record Me(String user, String role, List<String> teams, boolean supervises) {
    }

    @Inject
    DashboardSettings settings;
    @Inject
    Caller caller;
    @Inject
    TriagePolicy triage;

    @GET
    @Produces(HTML)
    public Response page() {
        return asset("index.html");
    }

    @GET
    @Path("{asset}")
    public Response asset(@PathParam("asset") String name) {
        String type = ASSETS.get(name);
        if (type == null) {
            throw new NotFoundException("no dashboard file " + name);
        }
        return Response.ok(PackagedFiles.bytes("/dashboard/" + name)).type(type).build();
    }

    @GET
    @Path("config")
    @Produces(MediaType.APPLICATION_JSON)
    public DashboardSettings.Config config() {
        return settings.config();
    }

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        Principal who = caller.agent();
        TreeSet<String> teams = new TreeSet<>(who.teamNames());
        if (who.role() == Role.ADMIN) {
            teams.addAll(triage.teams());
        }
        return new Me(who.id(), who.role().name().toLowerCase(java.util.Locale.ROOT), List.copyOf(teams),
                who.role().ordinal() >= Role.SUPERVISOR.ordinal());
    }
}
