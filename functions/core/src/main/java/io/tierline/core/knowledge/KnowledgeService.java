package io.tierline.core.knowledge;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.access.ForbiddenException;
import io.tierline.core.ticket.ArticleRef;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.validation.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes articles (supervisors and admins) and searches the published ones. A write names the version it expects
 * (If-Match) and carries the client's key (Idempotency-Key): a retried request finds the revision it made and is
 * answered with the article again. The search index lives as long as the function instance and is rebuilt only when
 * the knowledge base's version has moved.
 */
public class KnowledgeService {
    public static final int MAX_HITS = 10;
    private final ArticleStore store;
    private final Clock clock;
    private volatile KnowledgeIndex index;

    public KnowledgeService(ArticleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What a write answers: the article, and whether it was a retry answered from what the first request did. */
    public record Written(Article article, boolean replayed) {
    }

    /** The If-Match version (if sent) and the Idempotency-Key (if sent), scoped to whoever sent it. */
    public record Guard(Optional<Long> expectedVersion, Optional<String> key) {
        public static Guard none() {
            return new Guard(Optional.empty(), Optional.empty());
        }
    }

    public Written create(ArticleContent content, Principal who, Guard guard) {
        requireEditor(who);
        ArticleId id = guard.key().map(ArticleId::forKey).orElseGet(ArticleId::random);
        Optional<Article> existing = store.find(id);
        if (existing.isPresent()) {
            return new Written(existing.get(), true);
        }
        Article article = Article.create(id, content, who.actor(), clock.instant(), guard.key());
        try {
            store.save(article, 0);
        } catch (ArticleVersionConflictException e) {
            // the same key's first request won the race: answer what it made
            return new Written(read(id), true);
        }
        return new Written(article, false);
    }

    /**
     * A draft article from a solved ticket, proposed by whoever works on it (agents included; only supervisors and
     * admins publish): the title is the subject, the body the customer's description and the resolution, internal
     * by default. One draft per ticket: its id comes from the ticket's, so a second proposal answers the first.
     */
    public Written proposeFrom(Ticket ticket, Principal who) {
        if (ticket.status() != Status.SOLVED && ticket.status() != Status.CLOSED) {
            throw new ArticleTransitionException("only a solved ticket can become an article; " + ticket.id().value()
                    + " is " + ticket.status().code());
        }
        ArticleId id = ArticleId.forKey("proposed-from:" + ticket.id().value());
        Optional<Article> existing = store.find(id);
        if (existing.isPresent()) {
            return new Written(existing.get(), true);
        }
        String resolution = ticket.resolution() == null ? "" : ticket.resolution().note();
        String body = "## The question\n\n" + ticket.description() + "\n\n## The answer\n\n" + resolution;
        String language = ticket.signals() == null || ticket.signals().language() == null ? "en"
                : ticket.signals().language();
        ArticleContent content = new ArticleContent(ticket.subject(), body,
                ticket.category() == null ? "general" : ticket.category(), List.of(), language, Audience.INTERNAL);
        Article article = Article.proposed(id, content, who.actor(), clock.instant(),
                "proposed from ticket " + ticket.id().value());
        try {
            store.save(article, 0);
        } catch (ArticleVersionConflictException e) {
            return new Written(read(id), true);
        }
        return new Written(article, false);
    }

    public Written edit(ArticleId id, ArticleContent content, Principal who, Guard guard) {
        return change(id, who, guard, a -> a.edit(content, who.actor(), clock.instant(), guard.key()));
    }

    public Written publish(ArticleId id, Principal who, Guard guard) {
        return change(id, who, guard, a -> a.publish(who.actor(), clock.instant(), guard.key()));
    }

    public Written retire(ArticleId id, Principal who, Guard guard) {
        return change(id, who, guard, a -> a.retire(who.actor(), clock.instant(), guard.key()));
    }

    private Written change(ArticleId id, Principal who, Guard guard, UnaryOperator<Article> step) {
        requireEditor(who);
        Article before = read(id);
        if (guard.key().flatMap(before::madeBy).isPresent()) {
            return new Written(before, true);
        }
        if (guard.expectedVersion().isPresent() && guard.expectedVersion().get() != before.version()) {
            throw new ArticleVersionConflictException(id, before.version());
        }
        Article after = step.apply(before);
        store.save(after, before.version());
        return new Written(after, false);
    }

    /**
     * The reference a ticket event may carry to this article (a ticket solved with it), if {@code id} names a
     * published article of either audience; empty otherwise, so the caller can name the field in its 400.
     */
    public Optional<ArticleRef> publishedRef(String id) {
        try {
            return store.find(new ArticleId(id)).filter(a -> a.status() == ArticleStatus.PUBLISHED)
                    .map(a -> new ArticleRef(a.id().value()));
        } catch (InvalidInputException notAnId) {
            return Optional.empty();
        }
    }

    /** Any article, for staff; internal and draft ones included. */
    public Article read(ArticleId id) {
        return store.find(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    /** A public, published article for anyone; any other is "not found", so drafts do not leak their existence. */
    public Article readPublic(ArticleId id) {
        return store.find(id).filter(Article::publicAndPublished).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    /** Every article for staff (agents read them to answer tickets; only supervisors and admins write). */
    public List<Article> list(Principal who) {
        return store.all();
    }

    /** Customers find public articles only; staff find internal ones too. */
    public List<SearchHit> search(String query, String language, boolean staff, int limit) {
        Set<Audience> audiences = staff ? Set.of(Audience.PUBLIC, Audience.INTERNAL) : Set.of(Audience.PUBLIC);
        return index().search(query, language, audiences, Math.min(limit, MAX_HITS));
    }

    /**
     * The articles that may answer a ticket, for the agent working on it: searched with its subject and description,
     * in its language first (as triage read it), internal articles included.
     */
    public List<SearchHit> suggestFor(Ticket ticket, int limit) {
        String language = ticket.signals() == null ? null : ticket.signals().language();
        return search(ticket.subject() + " " + ticket.description(), language, true, limit);
    }

    /** The index of the current version: loaded on the first search of an instance and after each change only. */
    KnowledgeIndex index() {
        long version = store.knowledgeVersion();
        KnowledgeIndex current = index;
        if (current == null || current.version() != version) {
            current = KnowledgeIndex.of(store.published());
            index = current;
        }
        return current;
    }

    private static void requireEditor(Principal who) {
        if (who.role().ordinal() < Role.SUPERVISOR.ordinal()) {
            throw new ForbiddenException(who.id() + " is " + who.role().name().toLowerCase()
                    + "; writing articles needs supervisor");
        }
    }
}
