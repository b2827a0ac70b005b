package io.tierline.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages show untrusted ticket text: on every response, scripts, styles and images may come only from this site's own
 * files (never inline, so injected markup cannot run even if escaping were missed), forms post only here, nothing
 * frames the pages, and no referrer leaves (the status URL carries the customer's token). See docs/web-pages.md.
 * The dashboard's policy also lets its scripts talk to the sign-in endpoint ({@link DashboardSettings}).
 */
public class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Every answer's headers but its Content-Security-Policy (answers made outside JAX-RS use them too). */
    static final Map<String, String> EVERY_ANSWER = Map.of("X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer", "Cache-Control", "no-store");

    @Inject
    DashboardSettings dashboard;

    @ServerResponseFilter
    public void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        String path = request.getUriInfo().getPath();
        boolean isDashboard = path.equals("/dashboard") || path.startsWith("/dashboard/");
        headers.putSingle("Content-Security-Policy", isDashboard ? dashboard.contentSecurityPolicy()
                : CONTENT_SECURITY_POLICY);
        // pages and answers hold ticket text and tokens: never cached, unless a resource says so (static assets)
        EVERY_ANSWER.forEach((name, value) -> {
            if (!name.equals("Cache-Control") || !headers.containsKey(name)) {
                headers.putSingle(name, value);
            }
        });
    }
}
