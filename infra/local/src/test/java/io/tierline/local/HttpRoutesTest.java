package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {

    private final HttpRoutes<String> routes = new HttpRoutes<String>()
            .add("GET /", "root")
            .add("ANY /{proxy+}", "proxy")
            .add("GET /tickets/{id}", "ticket")
            .add("GET /tickets/new", "new-ticket-form")
            .add("POST /tickets/{id}", "update-ticket")
            .add("ANY /tickets/{id}/notes/{rest+}", "notes");

    private String target(String method, String path) {
        return routes.match(method, path).map(HttpRoutes.Match::target).orElse("404");
    }

    @Test
    void exactPathsBeatParametersBeatGreedyPaths() {
        assertEquals("new-ticket-form", target("GET", "/tickets/new"));
        assertEquals("ticket", target("GET", "/tickets/42"));
        assertEquals("proxy", target("DELETE", "/tickets/42"));
        assertEquals("notes", target("GET", "/tickets/42/notes/a/b"));
        assertEquals("proxy", target("GET", "/tickets/42/other"));
        assertEquals("proxy", target("GET", "/tickets"));
    }

    @Test
    void aNamedMethodBeatsAny() {
        assertEquals("update-ticket", target("POST", "/tickets/7"));
        assertEquals("root", target("GET", "/"));
    }

    @Test
    void greedyParametersNeedAtLeastOneSegment() {
        assertEquals("404", target("POST", "/"));
        assertEquals("404", new HttpRoutes<String>().add("GET /a/{b+}", "x").match("GET", "/a").map(HttpRoutes.Match::target)
                .orElse("404"));
    }

    @Test
    void capturesDecodedPathParameters() {
        HttpRoutes.Match<String> notes = routes.match("PUT", "/tickets/a%20b/notes/x/y%2Fz").orElseThrow();
        assertEquals("ANY /tickets/{id}/notes/{rest+}", notes.routeKey());
        assertEquals(Map.of("id", "a b", "rest", "x/y/z"), notes.pathParameters());
        assertEquals(Map.of("proxy", "static/app.js"), routes.match("GET", "/static/app.js").orElseThrow().pathParameters());
    }

    @Test
    void theDefaultRouteTakesWhatMatchesNothingElse() {
        HttpRoutes<String> withDefault = new HttpRoutes<String>().add("GET /health", "health").add("$default", "fallback");
        assertEquals("health", withDefault.match("GET", "/health").orElseThrow().target());
        HttpRoutes.Match<String> fallback = withDefault.match("POST", "/health").orElseThrow();
        assertEquals("$default", fallback.routeKey());
        assertEquals("fallback", fallback.target());
        assertTrue(new HttpRoutes<String>().match("GET", "/").isEmpty());
    }
}
