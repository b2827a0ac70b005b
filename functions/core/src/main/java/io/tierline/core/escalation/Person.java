package io.tierline.core.escalation;

import io.tierline.core.calendar.BusinessCalendar;

/**
 * Someone the engine can notify, with the channels they gave; any channel may be null.
 *
 * @param workingHours outside these hours, non-urgent notifications wait for the next working time; null means
 *                     any time
 */
public record Person(String id, String name, String email, String slackWebhook, String webhook,
                     BusinessCalendar workingHours) {
}
