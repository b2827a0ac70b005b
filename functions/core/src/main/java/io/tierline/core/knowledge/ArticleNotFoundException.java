package io.tierline.core.knowledge;

/** No article with this id, or none the caller may read (a customer asking for a draft or an internal one). */
public class ArticleNotFoundException extends RuntimeException {
    public ArticleNotFoundException(ArticleId id) {
        super("no article " + id);
    }
}
