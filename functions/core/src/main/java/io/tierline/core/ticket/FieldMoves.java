package io.tierline.core.ticket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The ticket fields one audit event moved, each a typed {@link Move}, in the order of {@link TicketField#ALL}. */
public final class FieldMoves {
    /** One field's move, typed by its field. */
    public record Entry<T>(TicketField<T> field, Move<T> move) {
        /** The move as the API shows it. */
        public Change change() {
            return new Change(field.name(), field.code(move.from()), field.code(move.to()));
        }
    }

    public static final FieldMoves NONE = new FieldMoves(List.of());

    private final List<Entry<?>> entries;

    private FieldMoves(List<Entry<?>> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Every field that differs between the two tickets. */
    public static FieldMoves between(Ticket before, Ticket after) {
        List<Entry<?>> moved = new ArrayList<>();
        for (TicketField<?> field : TicketField.ALL) {
            add(moved, field, before, after);
        }
        return new FieldMoves(moved);
    }

    private static <T> void add(List<Entry<?>> moved, TicketField<T> field, Ticket before, Ticket after) {
        Move<T> move = field.between(before, after);
        if (move != null) {
            moved.add(new Entry<>(field, move));
        }
    }

    /** These moves and the field's (replacing a move of the same field), in field order. */
    public <T> FieldMoves with(TicketField<T> field, T from, T to) {
        List<Entry<?>> moved = new ArrayList<>(entries);
        moved.removeIf(e -> e.field() == field);
        moved.add(new Entry<>(field, new Move<>(from, to)));
        moved.sort(Comparator.comparingInt(e -> TicketField.ALL.indexOf(e.field())));
        return new FieldMoves(moved);
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<Move<T>> get(TicketField<T> field) {
        return entries.stream().filter(e -> e.field() == field).findFirst().map(e -> (Move<T>) e.move());
    }

    /** The value the field moved to in this event, if it moved. */
    public <T> Optional<T> to(TicketField<T> field) {
        return get(field).map(Move::to);
    }

    public boolean moved(TicketField<?> field) {
        return entries.stream().anyMatch(e -> e.field() == field);
    }

    public List<Entry<?>> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Optional<Move<Status>> status() {
        return get(TicketField.STATUS);
    }

    public Optional<Move<Priority>> priority() {
        return get(TicketField.PRIORITY);
    }

    public Optional<Move<TeamName>> team() {
        return get(TicketField.TEAM);
    }

    public Optional<Move<Tier>> tier() {
        return get(TicketField.TIER);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldMoves moves && moves.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.stream().map(Entry::change).toList().toString();
    }
}
