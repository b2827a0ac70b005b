package io.tierline.api;

/**
 * What the confirmation right after filing ({@code templates/pages/confirmation.html}) shows.
 *
 * @param statusPath the status page's link, with the access token
 * @param statusUrl  the same as the customer should keep it (absolute when the host is known)
 */
public record ConfirmationModel(String reference, String subject, String statusPath, String statusUrl) {
}
