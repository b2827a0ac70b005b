package io.tierline.core.ticket;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A field of a ticket whose moves the audit trail records, as a typed key: its wire name, how to read it off a
 * ticket, and its code (the text the API shows in an event's {@code changes}). {@link #ALL} is the order in which an
 * event lists its moves.
 *
 * @param <T> the field's type
 */
public final class TicketField<T> {
    /** Where a pending transfer would take the ticket (what its move shows; who asked and why stay on the ticket). */
    public record TransferTarget(TeamName team, Tier tier) {
    }

    public static final TicketField<Status> STATUS = new TicketField<>("status", Ticket::status, Status::code,
            Status::fromCode);
    /** Set once, at creation. */
    public static final TicketField<Channel> CHANNEL = new TicketField<>("channel", Ticket::channel, Channel::code,
            code -> Codes.parse(Channel.class, code));
    public static final TicketField<Level> IMPACT = level("impact", Ticket::impact);
    public static final TicketField<Level> URGENCY = level("urgency", Ticket::urgency);
    public static final TicketField<Priority> PRIORITY = new TicketField<>("priority", Ticket::priority,
            Priority::code, code -> Codes.parse(Priority.class, code));
    public static final TicketField<String> CATEGORY = text("category", Ticket::category);
    public static final TicketField<TeamName> TEAM = new TicketField<>("team", Ticket::team,
            TeamName::value, TeamName::new);
    public static final TicketField<Tier> TIER = new TicketField<>("tier", Ticket::tier,
            tier -> Integer.toString(tier.number()), code -> Tier.of(Integer.parseInt(code)));
    public static final TicketField<List<String>> TAGS = new TicketField<>("tags", Ticket::tags,
            tags -> String.join(",", tags), TicketField::list);
    public static final TicketField<String> LANGUAGE = text("language", t -> t.signals() == null ? null
            : t.signals().language());
    public static final TicketField<Double> FRUSTRATION = score("frustration", TicketSignals::frustration);
    public static final TicketField<Double> ESCALATION_RISK = score("escalationRisk", TicketSignals::escalationRisk);
    public static final TicketField<PersonId> ASSIGNEE = new TicketField<>("assignee",
            Ticket::assignee, PersonId::value, PersonId::new);
    public static final TicketField<TransferTarget> PENDING_TRANSFER = new TicketField<>("pendingTransfer",
            t -> t.pendingTransfer() == null ? null : new TransferTarget(t.pendingTransfer().team(),
                    t.pendingTransfer().tier()),
            target -> target.team() + " tier " + (target.tier() == null ? "-" : target.tier().number()),
            TicketField::transferTarget);
    public static final TicketField<TicketId> MERGED_INTO = new TicketField<>("mergedInto", Ticket::mergedInto,
            TicketId::value, TicketId::new);
    public static final TicketField<List<PersonId>> WATCHERS = new TicketField<>("watchers",
            Ticket::watchers, people -> String.join(",", people.stream().map(PersonId::value)
            .toList()), code -> PersonId.all(list(code)));
    /** The resolution's root cause; its note is the resolved event's body. */
    public static final TicketField<String> ROOT_CAUSE = text("rootCause", t -> t.resolution() == null ? null
            : t.resolution().rootCause());
    /** The customer's rating. */
    public static final TicketField<Integer> SATISFACTION = new TicketField<>("satisfaction",
            t -> t.satisfaction() == null ? null : t.satisfaction().rating(), String::valueOf, Integer::valueOf);

    public static final List<TicketField<?>> ALL = List.of(STATUS, CHANNEL, IMPACT, URGENCY, PRIORITY, CATEGORY, TEAM,
            TIER, TAGS, LANGUAGE, FRUSTRATION, ESCALATION_RISK, ASSIGNEE, PENDING_TRANSFER, MERGED_INTO, WATCHERS,
            ROOT_CAUSE, SATISFACTION);

    private final String name;
    private final Function<Ticket, T> read;
    private final Function<T, String> code;
    private final Function<String, T> parse;

    private TicketField(String name, Function<Ticket, T> read, Function<T, String> code, Function<String, T> parse) {
        this.name = name;
        this.read = read;
        this.code = code;
        this.parse = parse;
    }

    /** The field's wire name in an event's changes. */
    public String name() {
        return name;
    }

    public T of(Ticket ticket) {
        return read.apply(ticket);
    }

    /** The value's code, as the API shows it; null for unset. */
    public String code(T value) {
        return value == null ? null : code.apply(value);
    }

    /** The value of a code written by {@link #code}: for the adapters that read stored events back. */
    public T parse(String text) {
        return text == null ? null : parse.apply(text);
    }

    /** The field of that wire name, for the adapters that read stored events back. */
    public static Optional<TicketField<?>> named(String name) {
        return ALL.stream().filter(f -> f.name.equals(name)).findFirst().map(f -> (TicketField<?>) f);
    }

    /** The move of this field from ticket {@code a} to ticket {@code b}, or null when it did not move. */
    Move<T> between(Ticket a, Ticket b) {
        T from = read.apply(a);
        T to = read.apply(b);
        return Objects.equals(from, to) ? null : new Move<>(from, to);
    }

    @Override
    public String toString() {
        return name;
    }

    private static TicketField<Level> level(String name, Function<Ticket, Level> read) {
        return new TicketField<>(name, read, Level::code, code -> Codes.parse(Level.class, code));
    }

    private static TicketField<String> text(String name, Function<Ticket, String> read) {
        return new TicketField<>(name, read, Function.identity(), Function.identity());
    }

    private static TicketField<Double> score(String name, Function<TicketSignals, Double> part) {
        return new TicketField<>(name, t -> t.signals() == null ? null : part.apply(t.signals()), String::valueOf,
                Double::valueOf);
    }

    private static List<String> list(String code) {
        return code.isEmpty() ? List.of() : List.of(code.split(","));
    }

    private static TransferTarget transferTarget(String code) {
        int at = code.lastIndexOf(" tier ");
        String tier = code.substring(at + " tier ".length());
        return new TransferTarget(TeamName.of(code.substring(0, at)), tier.equals("-") ? null
                : Tier.of(Integer.parseInt(tier)));
    }
}
