package io.tierline.core.ticket;

/** A value's move in one event: from what to what; null means unset. */
public record Move<T>(T from, T to) {
}
