package io.tierline.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages show untrusted ticket text: forbid scripts and framing outright, on every response. The dashboard is the
 * one place that runs scripts: only its own files from this origin (no inline script or style), talking only to
 * this API and the sign-in endpoint ({@link DashboardSettings}).
 */
public class SecurityHeaders {
    static final String PAGES_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Inject
    DashboardSettings dashboard;

    @ServerResponseFilter
    public void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        String path = request.getUriInfo().getPath();
        boolean isDashboard = path.equals("/dashboard") || path.startsWith("/dashboard/");
        headers.putSingle("Content-Security-Policy", isDashboard ? dashboard.contentSecurityPolicy() : PAGES_CSP);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cache-Control", "no-store");
    }
}
