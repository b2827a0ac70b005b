package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The route table read from the resources' JAX-RS annotations, and JAX-RS's rules of matching, without Quarkus. */
class ApiRoutesTest {
    private static final ApiRoutes ROUTES = ApiRoutes.of(ApiRoutes.RESOURCES);

    private static String target(String method, String path, String accept) {
        ApiRoutes.Match match = ROUTES.find(method, path, accept);
        return match.route().resource().getSimpleName() + "." + match.route().method().getName();
    }

    @Test
    void everyResourceOfTheApiIsRouted() {
        Set<String> annotated = ApiArchitectureTest.API.stream().filter(c -> c.isAnnotatedWith(Path.class))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> routed = ApiRoutes.RESOURCES.stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(annotated, routed);
        assertTrue(ROUTES.all().size() >= 50, "every operation is a route: " + ROUTES.all().size());
    }

    @Test
    void noTwoRoutesAnswerTheSameRequest() {
        List<String> clashes = new ArrayList<>();
        List<ApiRoutes.Route> all = ROUTES.all();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                ApiRoutes.Route a = all.get(i);
                ApiRoutes.Route b = all.get(j);
                boolean sameTypes = a.produces().isEmpty() || b.produces().isEmpty()
                        || a.produces().stream().anyMatch(t -> b.produces().stream().anyMatch(t::isCompatible));
                if (a.httpMethod().equals(b.httpMethod()) && a.path().template().equals(b.path().template())
                        && sameTypes) {
                    clashes.add(a.httpMethod() + " " + a.path().template());
                }
            }
        }
        assertEquals(List.of(), clashes);
    }

    @Test
    void theMostLiteralTemplateWins() {
        assertEquals("DashboardResource.config", target("GET", "/dashboard/config", null));
        assertEquals("DashboardResource.asset", target("GET", "/dashboard/app.js", null));
        assertEquals("DashboardResource.page", target("GET", "/dashboard", null));
        assertEquals("TicketResource.create", target("POST", "/tickets", "application/json"));
        assertEquals("AgentTicketResource.read", target("GET", "/tickets/01J0000000000000000000000A", null));
        assertEquals("AgentTicketResource.suggestedArticles",
                target("GET", "/tickets/01J0000000000000000000000A/suggested-articles", null));
        assertEquals("PageResource.supportForm", target("GET", "/", "text/html"));
    }

    @Test
    void aTrailingSlashAndHeadAreAnsweredAsJaxRsDoes() {
        assertEquals("AgentTicketResource.read", target("GET", "/tickets/01J0000000000000000000000A/", null));
        assertEquals("PageResource.supportForm", target("HEAD", "/", null));
    }

    @Test
    void pathVariablesAreHandedOnAsSentAndDecodedOnce() {
        ApiRoutes.Match match = ROUTES.find("GET", "/tickets/a%2Fb+c/suggested-articles", null);
        assertEquals(Map.of("id", "a%2Fb+c"), match.pathParameters());
        assertEquals("a/b+c", IncomingRequest.decodePathSegment(match.pathParameters().get("id")));
    }

    @Test
    void unknownPathsAre404AndOtherMethods405WithWhatIsAllowed() {
        assertThrows(NotFoundException.class, () -> ROUTES.find("GET", "/nowhere", null));
        assertThrows(NotFoundException.class, () -> ROUTES.find("GET", "/tickets/a/b/c/d/e", null));
        NotAllowedException notAllowed = assertThrows(NotAllowedException.class,
                () -> ROUTES.find("DELETE", "/tickets", null));
        assertEquals(Set.of("POST"), notAllowed.getResponse().getAllowedMethods());
        NotAllowedException onPage = assertThrows(NotAllowedException.class, () -> ROUTES.find("PUT", "/", null));
        assertEquals(Set.of("GET", "HEAD"), onPage.getResponse().getAllowedMethods());
    }

    @Test
    void anAcceptThatTakesNoneOfTheRoutesTypesIs406() {
        assertThrows(NotAcceptableException.class, () -> ROUTES.find("GET", "/dashboard/me", "text/csv"));
        assertEquals("DashboardResource.me", target("GET", "/dashboard/me", "text/html, */*;q=0.1"));
        assertEquals(MediaType.valueOf("text/csv"), ROUTES.find("GET", "/reports/reviews/agents",
                "application/json;q=0.5, text/csv").type(), "the match carries the type the client weighs highest");
        assertEquals(MediaType.WILDCARD_TYPE, ROUTES.find("POST", "/tickets", "text/html").type(),
                "a route that declares no type takes any");
    }

    @Test
    void negotiationTakesTheTypeTheClientWeighsHighest() {
        List<MediaType> jsonOrCsv = List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("text/csv"));
        assertEquals(Optional.of(MediaType.valueOf("text/csv")),
                Negotiation.acceptable("application/json;q=0.5, text/csv;q=0.9", jsonOrCsv));
        assertEquals(Optional.of(MediaType.APPLICATION_JSON_TYPE), Negotiation.acceptable("*/*", jsonOrCsv));
        assertEquals(Optional.of(MediaType.APPLICATION_JSON_TYPE), Negotiation.acceptable(null, jsonOrCsv));
        assertEquals(Optional.of(MediaType.valueOf("text/csv")), Negotiation.acceptable("text/*", jsonOrCsv));
        assertEquals(Optional.empty(), Negotiation.acceptable("text/html", jsonOrCsv));
        assertEquals(Optional.empty(), Negotiation.acceptable("*/*;q=0", jsonOrCsv), "q=0 refuses");
        assertFalse(Negotiation.acceptable("text/html", List.of()).isEmpty(), "a route without types takes any");
    }
}
