package io.tierline.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The customer pages' templates, in {@code src/main/resources/templates/pages/}. Checked at build time: an
 * expression a model does not answer fails the build. Being {@code .html}, every value is HTML-escaped on output;
 * the shared frame is {@code templates/layout.html}, the form fields are tags in {@code templates/tags/}.
 */
@CheckedTemplate(basePath = "pages")
final class PageTemplates {
    private PageTemplates() {
    }

    static native TemplateInstance supportForm(SupportFormModel page);

    static native TemplateInstance confirmation(ConfirmationModel page);

    static native TemplateInstance notFound();

    static native TemplateInstance statusPage(StatusPageModel page);

    static native TemplateInstance helpArticle(HelpArticleModel page);

    static native TemplateInstance solved(SolvedModel page);
}
