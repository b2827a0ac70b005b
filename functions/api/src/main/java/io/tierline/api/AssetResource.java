package io.tierline.api;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The pages' style sheet and optional script, served by the api function itself (the same in AWS and locally) so the
 * content security policy can say {@code 'self'} and forbid everything inline. Only files named here are served.
 * Pages and tests of the other web pages may add their files to {@link #TYPES} and to {@code io/tierline/api/assets/}.
 */
@Singleton
@Path(AssetResource.PATH + "/{name}")
public class AssetResource {
    static final String PATH = "/assets";
    private static final Map<String, String> TYPES = Map.of(
            "tierline.css", "text/css;charset=UTF-8",
            "tierline.js", "text/javascript;charset=UTF-8");

    @GET
    public Response asset(@PathParam("name") String name) {
        String type = TYPES.get(name);
        if (type == null) {
            throw new NotFoundException("no asset " + name); // a problem document, like every other 404
        }
        return Response.ok(PackagedFiles.bytes("assets/" + name), type)
                .header("Cache-Control", "public, max-age=300").build();
    }
}
