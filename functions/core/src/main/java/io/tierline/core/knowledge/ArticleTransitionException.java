package io.tierline.core.knowledge;

/** The article's status does not allow the action (editing a retired article, retiring a draft twice...). */
public class ArticleTransitionException extends RuntimeException {
    public ArticleTransitionException(String message) {
        super(message);
    }
}
