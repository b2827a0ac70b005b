package io.tierline.core.ticket;

/**
 * Which recorded escalation step still has notifications to hand to the notify queue: escalation {@code sequence},
 * at policy {@code level} (0: a manual escalation), and its reminder {@code repeat} (0: the step itself).
 */
public record FanOutMark(int sequence, int level, int repeat) {
}
