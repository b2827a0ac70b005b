package io.tierline.api;

import io.tierline.core.time.PlainTime;
import java.time.Instant;
import java.time.ZoneId;

/** How the customer's pages say statuses and times: in words a customer uses, with the time zone stated. */
final class PlainWords {

    private PlainWords() {
    }

    /** A status code ("on-hold") as a short headline. */
    static String status(String code) {
        return switch (code) {
            case "new" -> "Received";
            case "open" -> "Being worked on";
            case "pending" -> "Waiting for your reply";
            case "on-hold" -> "On hold";
            case "solved" -> "Solved";
            case "closed" -> "Closed";
            default -> code;
        };
    }

    /** What the status means for the customer: what happens next and whether we wait for them. */
    static String statusExplained(String code) {
        return switch (code) {
            case "new" -> "We have your request and are passing it to the right team.";
            case "open" -> "Our team is working on your request. We will write to you here.";
            case "pending" -> "We asked you something. Reply below and we will carry on.";
            case "on-hold" -> "We are waiting on something outside our team; we will update you here.";
            case "solved" -> "We believe your request is solved. If it is not, reply below and we will reopen it.";
            case "closed" -> "This request is closed. For anything new, please file a new request.";
            default -> "";
        };
    }

    /** "Mon 24 Nov 2025, 10:30 UTC" in the given zone (UTC unless the requester's zone is known). */
    static String time(Instant at, ZoneId zone) {
        return PlainTime.of(at, zone);
    }
}
