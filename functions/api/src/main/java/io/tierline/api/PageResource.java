package io.tierline.api;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The support form at the site's root. */
@Singleton
@Path("/")
public class PageResource {
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String supportForm() {
        return Pages.supportForm(null, List.of(), null);
    }
}
