package io.tierline.api;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Who is calling, resolved once per request from the Authorization header. */
@RequestScoped
public class Caller {
    @Inject
    AgentAuthenticator authenticator;
    @Inject
    CurrentRequest request;

    private Principal principal;

    /** The signed-in agent, supervisor or admin; 401 otherwise. */
    public Principal agent() {
        if (principal == null) {
            principal = authenticator.authenticate(request.get().header("Authorization"))
                    .orElseThrow(() -> new WebApplicationException(Response.status(401)
                            .header("WWW-Authenticate", "Bearer")
                            .type(Problem.MEDIA_TYPE)
                            .entity(new Problem("about:blank", "Unauthorized", 401,
                                    "Sign in: send an agent's access token as 'Authorization: Bearer <token>'.",
                                    java.util.List.of()))
                            .build()));
        }
        return principal;
    }

    public Principal atLeast(Role role) {
        Principal who = agent();
        if (who.role().ordinal() < role.ordinal()) {
            throw new io.tierline.core.access.ForbiddenException(who.id() + " is " + who.role().name().toLowerCase()
                    + "; this needs " + role.name().toLowerCase());
        }
        return who;
    }
}
