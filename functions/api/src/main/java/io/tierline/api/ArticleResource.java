package io.tierline.api;

import io.tierline.core.access.Principal;
import io.tierline.core.knowledge.Article;
import io.tierline.core.knowledge.ArticleId;
import io.tierline.core.knowledge.ArticleMarkdown;
import io.tierline.core.knowledge.ArticleRevision;
import io.tierline.core.knowledge.KnowledgeService;
import io.tierline.core.knowledge.SearchHit;
import io.tierline.core.request.ArticleRequest;
import io.tierline.core.request.RequestBinder;
import io.tierline.core.request.Origin;
import io.tierline.core.validation.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The knowledge base over HTTP. Supervisors and admins write articles ({@code /articles}, JSON, with If-Match and
 * Idempotency-Key as on tickets); anyone searches the public, published ones ({@code GET /kb/search}) and reads them
 * ({@code GET /kb/articles/{id}}), without signing in.
 */
@Singleton
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {
    private static final int MAX_QUERY_CHARS = 500;

    @Inject
    Caller caller;
    @Inject
    KnowledgeService kb;

    @GET
    @Path("articles")
    public List<ArticleView.Summary> list() {
        return kb.list(caller.agent()).stream().map(ArticleView.Summary::of).toList();
    }

    @POST
    @Path("articles")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleRequest.class)))
    public Response create(byte[] body, @HeaderParam("Content-Type") String type,
                           @HeaderParam("Idempotency-Key") String key) {
        Principal who = caller.agent();
        KnowledgeService.Guard guard = guard(who, null, key);
        ArticleRequest request = RequestBinder.read(RequestBodies.parse(type, body).json(), ArticleRequest.class,
                Origin.JSON);
        KnowledgeService.Written written = kb.create(request.content(), who, guard);
        return answer(written, Response.status(written.replayed() ? 200 : 201)
                .location(URI.create("/articles/" + written.article().id())));
    }

    @GET
    @Path("articles/{id}")
    public Response read(@PathParam("id") String id) {
        caller.agent();
        Article article = kb.read(new ArticleId(id));
        return Response.ok(ArticleView.of(article)).header("ETag", etag(article)).build();
    }

    @PUT
    @Path("articles/{id}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleRequest.class)))
    public Response edit(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                         @HeaderParam("If-Match") String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        Principal who = caller.agent();
        KnowledgeService.Guard guard = guard(who, ifMatch, key);
        ArticleRequest request = RequestBinder.read(RequestBodies.parse(type, body).json(), ArticleRequest.class,
                Origin.JSON);
        return answer(kb.edit(new ArticleId(id), request.content(), who, guard), Response.ok());
    }

    @POST
    @Path("articles/{id}/publish")
    public Response publish(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                            @HeaderParam("Idempotency-Key") String key) {
        Principal who = caller.agent();
        return answer(kb.publish(new ArticleId(id), who, guard(who, ifMatch, key)), Response.ok());
    }

    @POST
    @Path("articles/{id}/retire")
    public Response retire(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam("Idempotency-Key") String key) {
        Principal who = caller.agent();
        return answer(kb.retire(new ArticleId(id), who, guard(who, ifMatch, key)), Response.ok());
    }

    /** Public search: customers find public, published articles, in their language first, with snippets. */
    @GET
    @Path("kb/search")
    public List<ArticleView.Hit> search(@QueryParam("q") String query, @QueryParam("lang") @DefaultValue("en") String lang,
                                  @QueryParam("limit") @DefaultValue("5") int limit) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("q", "must not be blank");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw new InvalidInputException("q", "must be at most " + MAX_QUERY_CHARS + " characters");
        }
        if (limit < 1 || limit > KnowledgeService.MAX_HITS) {
            throw new InvalidInputException("limit", "must be between 1 and " + KnowledgeService.MAX_HITS);
        }
        return kb.search(query, lang, false, limit).stream().map(ArticleView.Hit::of).toList();
    }

    /** A public, published article, its Markdown rendered safely; anything else is 404 without signing in. */
    @GET
    @Path("kb/articles/{id}")
    public ArticleView.Public readPublic(@PathParam("id") String id) {
        Article article = kb.readPublic(new ArticleId(id));
        return new ArticleView.Public(article.id().value(), article.content().title(), article.content().category(),
                article.content().language(), ArticleMarkdown.html(article.content().body()), article.current().at());
    }

    /** The same public, published article as a page for people; a draft, internal or retired one is not found. */
    @GET
    @Path("help/articles/{id}")
    @Produces(Pages.HTML_UTF8)
    public Response page(@PathParam("id") String id, @QueryParam("voted") String voted) {
        try {
            Article article = kb.readPublic(new ArticleId(id));
            return Response.ok(PageTemplates.helpArticle(HelpArticleModel.of(article, voted != null)).render(),
                            Pages.HTML_UTF8)
                    .build();
        } catch (io.tierline.core.knowledge.ArticleNotFoundException
                 | io.tierline.core.validation.InvalidInputException e) {
            return StatusPageResource.notFound();
        }
    }

    private static KnowledgeService.Guard guard(Principal who, String ifMatch, String key) {
        Optional<Long> expected = Optional.ofNullable(ifMatch).map(ArticleResource::version);
        // scoped by who sent it, as on tickets: two supervisors' keys cannot collide
        Optional<String> scoped = Optional.ofNullable(key)
                .map(k -> "article:" + who.id() + ":" + io.tierline.core.idempotency.IdempotencyKey
                        .of("article", k, TicketResource.IDEMPOTENCY_HEADER).value());
        return new KnowledgeService.Guard(expected, scoped);
    }

    private static long version(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the article version from its ETag, e.g. \"3\"");
        }
    }

    private static Response answer(KnowledgeService.Written written, Response.ResponseBuilder response) {
        response.entity(ArticleView.of(written.article())).header("ETag", etag(written.article()));
        return TicketResource.replayed(response, written.replayed()).build();
    }

    private static String etag(Article article) {
        return "\"" + article.version() + "\"";
    }

    /** The JSON shapes of an article. */
    public static final class ArticleView {
        private ArticleView() {
        }

        public record Content(String title, String body, String category, List<String> tags, String language,
                              String audience) {
            static Content of(io.tierline.core.knowledge.ArticleContent c) {
                return new Content(c.title(), c.body(), c.category(), c.tags(), c.language(), c.audience().code());
            }
        }

        public record Revision(long version, String action, String by, java.time.Instant at, String status,
                               String note) {
            static Revision of(ArticleRevision r) {
                return new Revision(r.version(), r.action().code(), r.by().kind().name().toLowerCase() + ":"
                        + r.by().id(), r.at(), r.status().code(), r.note().orElse(null));
            }
        }

        public record Full(String id, long version, String status, Content content, String html,
                           List<Revision> history) {
        }

        public record Summary(String id, long version, String status, String title, String category,
                              String language, String audience, java.time.Instant updatedAt) {
            static Summary of(Article a) {
                return new Summary(a.id().value(), a.version(), a.status().code(), a.content().title(),
                        a.content().category(), a.content().language(), a.content().audience().code(),
                        a.current().at());
            }
        }

        /** A search hit with the link to its public page. */
        public record Hit(String id, String title, String category, String language, double score, String snippet,
                          String url) {
            static Hit of(SearchHit h) {
                return new Hit(h.id().value(), h.title(), h.category(), h.language(), h.score(), h.snippet(),
                        "/kb/articles/" + h.id().value());
            }
        }

        public record Public(String id, String title, String category, String language, String html,
                             java.time.Instant updatedAt) {
        }

        static Full of(Article a) {
            return new Full(a.id().value(), a.version(), a.status().code(), Content.of(a.content()),
                    ArticleMarkdown.html(a.content().body()), a.history().stream().map(Revision::of).toList());
        }
    }
}
