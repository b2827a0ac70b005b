package io.tierline.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Pages show untrusted ticket text: on every response, scripts, styles and images may come only from this site's own
 * files (never inline, so injected markup cannot run even if escaping were missed), forms post only here, nothing
 * frames the pages, and no referrer leaves (the status URL carries the customer's token). See docs/web-pages.md.
 * The dashboard's policy also lets its scripts talk to the sign-in endpoint ({@link DashboardSettings}).
 */
@Singleton
public class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Every answer's headers but its Content-Security-Policy. */
    private static final Map<String, String> EVERY_ANSWER = Map.of("X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer", "Cache-Control", "no-store");

    @Inject
    DashboardSettings dashboard;

    /** Adds the headers to an answer for the path (the dashboard's policy differs), keeping a Cache-Control it has. */
    void addTo(String path, Map<String, String> headers) {
        boolean isDashboard = path.equals("/dashboard") || path.startsWith("/dashboard/");
        headers.put("Content-Security-Policy", isDashboard ? dashboard.contentSecurityPolicy()
                : CONTENT_SECURITY_POLICY);
        // pages and answers hold ticket text and tokens: never cached, unless a resource says so (static assets)
        EVERY_ANSWER.forEach((name, value) -> {
            if (!name.equals("Cache-Control") || !headers.containsKey(name)) {
                headers.put(name, value);
            }
        });
    }
}
