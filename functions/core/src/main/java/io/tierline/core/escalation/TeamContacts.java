package io.tierline.core.escalation;

/** A team's people with authority, and the team's shared channel (a Slack-compatible webhook), any of them null. */
public record TeamContacts(String team, String supervisor, String manager, String slackWebhook) {
}
