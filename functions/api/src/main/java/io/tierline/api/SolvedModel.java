package io.tierline.api;

/** The thank-you page after "this solved my problem": no ticket was filed; the article and the way back. */
public record SolvedModel(String title, String href) {
}
