package io.tierline.core.aws;

import static io.tierline.core.aws.TicketItems.n;
import static io.tierline.core.aws.TicketItems.putIfPresent;
import static io.tierline.core.aws.TicketItems.s;
import static io.tierline.core.aws.TicketItems.str;

import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.AssignmentFacts;
import io.tierline.core.ticket.Skill;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.ArticleRef;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.ticket.EventChanges;
import io.tierline.core.ticket.EscalationFeedback;
import io.tierline.core.ticket.EscalationSender;
import io.tierline.core.ticket.EventHeader;
import io.tierline.core.ticket.FollowUpAnswer;
import io.tierline.core.ticket.FieldMoves;
import io.tierline.core.ticket.Move;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Recipient;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketEvent.EventType;
import io.tierline.core.ticket.TicketField;
import io.tierline.core.ticket.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The codec between audit events and their items (docs/data-model.md). Items are written in format 2 ({@code fmt}
 * = 2): the header, the moved fields under {@code moves} (each {@code {from, to}} as the field's code) and what the
 * event's kind records in typed attributes of its own. Items written before it (no {@code fmt}) hold a
 * {@code changes} list of {@code {field, from, to}} strings; they are read into the same typed events.
 */
final class EventItems {
    static final int FORMAT = 2;

    private EventItems() {
    }

    static Map<String, AttributeValue> item(TicketEvent e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TicketItems.PK, s(TicketItems.ticketPk(e.ticketId())));
        item.put(TicketItems.SK, s(String.format("EVENT#%012d#%02d", e.version(), e.index())));
        item.put("entity", s("event"));
        item.put("fmt", n(FORMAT));
        item.put("ticketId", s(e.ticketId().value()));
        item.put("version", n(e.version()));
        item.put("index", n(e.index()));
        item.put("at", s(e.at().toString()));
        item.put("actorKind", s(Codes.of(e.actor().kind())));
        item.put("actorId", s(e.actor().id()));
        item.put("type", s(Codes.of(e.type())));
        putIfPresent(item, "reason", e.reason());
        putIfPresent(item, "body", e.body());
        if (!e.moves().isEmpty()) {
            Map<String, AttributeValue> moves = new HashMap<>();
            e.moves().entries().forEach(entry -> {
                Change change = entry.change();
                Map<String, AttributeValue> move = new HashMap<>();
                putIfPresent(move, "from", change.from());
                putIfPresent(move, "to", change.to());
                moves.put(change.field(), AttributeValue.fromM(move));
            });
            item.put("moves", AttributeValue.fromM(moves));
        }
        putIfPresent(item, "dueAt", e.dueAt() == null ? null : e.dueAt().toString());
        if (e instanceof TicketEvent.EscalationRequested requested && requested.alreadyEscalated() != null) {
            item.put("alreadyEscalated", n(requested.alreadyEscalated()));
        } else if (e instanceof TicketEvent.SlaDeadlineFired fired) {
            item.put("deadline", AttributeValue.fromM(Map.of("metric", s(fired.deadline().metric().code()),
                    "cycle", n(fired.deadline().cycle()), "percent", n(fired.deadline().percent()))));
        } else if (e instanceof TicketEvent.Escalated escalated) {
            TicketEvent.EscalationFacts facts = escalated.escalation();
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("sequence", n(facts.sequence()));
            putIfPresent(m, "kind", facts.kind() == null ? null : facts.kind().code());
            putIfPresent(m, "reason", facts.reason());
            m.put("levelFrom", n(facts.level().from()));
            m.put("levelTo", n(facts.level().to()));
            putIfPresent(m, "escalatedTo", facts.escalatedTo() == null ? null : facts.escalatedTo().value());
            m.put("customerRequested", AttributeValue.fromBool(facts.customerRequested()));
            putIfPresent(m, "requestedBy", facts.requestedBy() == null ? null : facts.requestedBy().value());
            item.put("escalation", AttributeValue.fromM(m));
            item.put("notified", recipients(escalated.notified()));
        } else if (e instanceof TicketEvent.Acknowledged acknowledged) {
            item.put("sequence", n(acknowledged.sequence()));
        } else if (e instanceof TicketEvent.EscalationReminder reminder) {
            item.put("sequence", n(reminder.sequence()));
            item.put("reminder", AttributeValue.fromM(Map.of("from", n(reminder.reminder().from()),
                    "to", n(reminder.reminder().to()))));
            item.put("notified", recipients(reminder.notified()));
        } else if (e instanceof TicketEvent.CustomerUpdated update && update.sequence() != null) {
            item.put("sequence", n(update.sequence()));
        } else if (e instanceof TicketEvent.FollowUpRequested requested) {
            item.put("followUp", AttributeValue.fromM(Map.of("resolution", n(requested.resolution()))));
        } else if (e instanceof TicketEvent.FollowUpAnswered answered) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("resolution", n(answered.resolution()));
            m.put("stayedSolved", AttributeValue.fromBool(answered.answer().stayedSolved()));
            if (answered.answer().rating() != null) {
                m.put("rating", n(answered.answer().rating()));
            }
            item.put("followUp", AttributeValue.fromM(m));
        } else if (e instanceof TicketEvent.EscalationFeedbackGiven feedback) {
            item.put("sequence", n(feedback.sequence()));
            item.put("feedback", AttributeValue.fromM(Map.of(
                    "needed", AttributeValue.fromBool(feedback.feedback().needed()),
                    "complete", AttributeValue.fromBool(feedback.feedback().complete()))));
            if (feedback.sender() != null) {
                Map<String, AttributeValue> m = new HashMap<>();
                m.put("person", s(feedback.sender().person().value()));
                putIfPresent(m, "team", feedback.sender().team());
                item.put("sender", AttributeValue.fromM(m));
            }
        } else if (e instanceof TicketEvent.AutoAssigned assigned) {
            item.put("assignment", assignment(assigned.assignment()));
        } else if (e instanceof TicketEvent.AssignmentWaiting waiting) {
            item.put("assignment", assignment(waiting.assignment()));
        } else if (e instanceof TicketEvent.Created created && !created.articlesSeen().isEmpty()) {
            item.put("articlesSeen", AttributeValue.fromL(created.articlesSeen().stream()
                    .map(a -> s(a.value())).toList()));
        } else if (e instanceof TicketEvent.Resolved resolved && resolved.solvedWith() != null) {
            item.put("solvedWith", s(resolved.solvedWith().value()));
        } else if (e instanceof TicketEvent.ArticleProposed proposed) {
            item.put("proposedArticle", s(proposed.article().value()));
        }
        return item;
    }

    static TicketEvent event(Map<String, AttributeValue> item) {
        EventType type = Codes.parse(EventType.class, str(item, "type"));
        EventHeader header = new EventHeader(new TicketId(str(item, "ticketId")),
                Long.parseLong(item.get("version").n()), Integer.parseInt(item.get("index").n()),
                Instant.parse(str(item, "at")), new Actor(Codes.parse(Actor.Kind.class, str(item, "actorKind")),
                str(item, "actorId")), str(item, "reason"), str(item, "body"));
        Facts facts = item.containsKey("fmt") ? formatTwo(item) : formatOne(item);
        return facts.event(type, header);
    }

    /** What an item says beyond its header, whichever format it was written in. */
    private static final class Facts {
        FieldMoves moves = FieldMoves.NONE;
        Integer sequence;
        Integer alreadyEscalated;
        DeadlineKey deadline;
        Instant dueAt;
        String kind;
        String reason;
        Move<Integer> level;
        PersonId escalatedTo;
        boolean customerRequested;
        PersonId requestedBy;
        Move<Integer> reminder;
        List<Recipient> notified = List.of();
        long resolution;
        FollowUpAnswer answer;
        EscalationFeedback feedback;
        EscalationSender sender;
        AssignmentFacts assignment;
        List<ArticleRef> articlesSeen = List.of();
        ArticleRef solvedWith;
        ArticleRef proposedArticle;

        TicketEvent event(EventType type, EventHeader header) {
            return switch (type) {
                case ESCALATION_REQUESTED -> new TicketEvent.EscalationRequested(header, moves, alreadyEscalated);
                case SLA_WARNING -> new TicketEvent.SlaWarning(header, moves, deadline, dueAt);
                case SLA_BREACH -> new TicketEvent.SlaBreach(header, moves, deadline, dueAt);
                case ESCALATED -> new TicketEvent.Escalated(header, moves, new TicketEvent.EscalationFacts(sequence,
                        kind == null ? null : Codes.parse(EscalationKind.class, kind), reason, level, escalatedTo, customerRequested, requestedBy), notified, dueAt);
                case ACKNOWLEDGED -> new TicketEvent.Acknowledged(header, moves, sequence);
                case ESCALATION_REMINDER -> new TicketEvent.EscalationReminder(header, moves, sequence, reminder,
                        notified, dueAt);
                case CUSTOMER_UPDATED -> new TicketEvent.CustomerUpdated(header, moves, sequence);
                case FOLLOW_UP_REQUESTED -> new TicketEvent.FollowUpRequested(header, moves, resolution, dueAt);
                case FOLLOW_UP_ANSWERED -> new TicketEvent.FollowUpAnswered(header, moves, resolution, answer);
                case ESCALATION_FEEDBACK_GIVEN -> new TicketEvent.EscalationFeedbackGiven(header, moves, sequence,
                        feedback, sender);
                case AUTO_ASSIGNED -> new TicketEvent.AutoAssigned(header, moves, assignment);
                case ASSIGNMENT_WAITING -> new TicketEvent.AssignmentWaiting(header, moves, assignment);
                case CREATED -> new TicketEvent.Created(header, moves, articlesSeen);
                case RESOLVED -> new TicketEvent.Resolved(header, moves, solvedWith);
                case ARTICLE_PROPOSED -> new TicketEvent.ArticleProposed(header, moves, proposedArticle);
                default -> TicketEvent.plain(type).make(header, moves);
            };
        }
    }

    private static Facts formatTwo(Map<String, AttributeValue> item) {
        int format = Integer.parseInt(item.get("fmt").n());
        if (format != FORMAT) {
            throw new IllegalStateException("audit event item format " + format + " is newer than this reader ("
                    + FORMAT + ")");
        }
        Facts facts = new Facts();
        if (item.containsKey("moves")) {
            item.get("moves").m().forEach((name, move) -> facts.moves = moved(facts.moves, name,
                    str(move.m(), "from"), str(move.m(), "to")));
        }
        facts.dueAt = TicketItems.instant(item, "dueAt");
        facts.sequence = number(item, "sequence");
        facts.alreadyEscalated = number(item, "alreadyEscalated");
        if (item.containsKey("deadline")) {
            Map<String, AttributeValue> m = item.get("deadline").m();
            facts.deadline = new DeadlineKey(Codes.parse(SlaMetric.class, str(m, "metric")), number(m, "cycle"),
                    number(m, "percent"));
        }
        if (item.containsKey("escalation")) {
            Map<String, AttributeValue> m = item.get("escalation").m();
            facts.sequence = number(m, "sequence");
            facts.kind = str(m, "kind");
            facts.reason = str(m, "reason");
            facts.level = new Move<>(number(m, "levelFrom"), number(m, "levelTo"));
            facts.escalatedTo = PersonId.of(str(m, "escalatedTo"));
            facts.customerRequested = m.get("customerRequested").bool();
            facts.requestedBy = PersonId.of(str(m, "requestedBy"));
        }
        if (item.containsKey("reminder")) {
            Map<String, AttributeValue> m = item.get("reminder").m();
            facts.reminder = new Move<>(number(m, "from"), number(m, "to"));
        }
        if (item.containsKey("notified")) {
            facts.notified = item.get("notified").l().stream().map(v -> recipient(v.m())).toList();
        }
        if (item.containsKey("followUp")) {
            Map<String, AttributeValue> m = item.get("followUp").m();
            facts.resolution = Long.parseLong(m.get("resolution").n());
            if (m.containsKey("stayedSolved")) {
                facts.answer = new FollowUpAnswer(m.get("stayedSolved").bool(), number(m, "rating"));
            }
        }
        if (item.containsKey("feedback")) {
            Map<String, AttributeValue> m = item.get("feedback").m();
            facts.feedback = new EscalationFeedback(m.get("needed").bool(), m.get("complete").bool());
        }
        if (item.containsKey("sender")) {
            Map<String, AttributeValue> m = item.get("sender").m();
            facts.sender = new EscalationSender(new PersonId(str(m, "person")), TicketItems.team(m, "team"));
        }
        if (item.containsKey("assignment")) {
            facts.assignment = assignment(item.get("assignment").m());
        }
        if (item.containsKey("articlesSeen")) {
            facts.articlesSeen = item.get("articlesSeen").l().stream()
                    .map(v -> new ArticleRef(v.s())).toList();
        }
        if (item.containsKey("solvedWith")) {
            facts.solvedWith = new ArticleRef(str(item, "solvedWith"));
        }
        if (item.containsKey("proposedArticle")) {
            facts.proposedArticle = new ArticleRef(str(item, "proposedArticle"));
        }
        return facts;
    }

    /** Format 1: every move and fact was a {field, from, to} of strings, under the names EventChanges shows. */
    private static Facts formatOne(Map<String, AttributeValue> item) {
        Facts facts = new Facts();
        for (AttributeValue value : item.get("changes").l()) {
            Map<String, AttributeValue> m = value.m();
            String field = str(m, "field");
            String from = str(m, "from");
            String to = str(m, "to");
            switch (field) {
                case EventChanges.ESCALATION_SEQUENCE -> facts.sequence = Integer.valueOf(to);
                case EventChanges.ALREADY_ESCALATED -> facts.alreadyEscalated = Integer.valueOf(to);
                case EventChanges.SLA_DEADLINE -> facts.deadline = deadlineKey(to);
                case EventChanges.DUE_AT -> facts.dueAt = Instant.parse(to);
                case EventChanges.ESCALATION_KIND -> facts.kind = to;
                case EventChanges.ESCALATION_REASON -> facts.reason = to;
                case EventChanges.ESCALATION_LEVEL -> facts.level = new Move<>(Integer.valueOf(from),
                        Integer.valueOf(to));
                case EventChanges.ESCALATED_TO -> facts.escalatedTo = PersonId.of(to);
                case EventChanges.CUSTOMER_REQUESTED -> facts.customerRequested = Boolean.parseBoolean(to);
                case EventChanges.ESCALATION_REQUESTED_BY -> facts.requestedBy = PersonId.of(to);
                case EventChanges.REMINDER -> facts.reminder = new Move<>(Integer.valueOf(from), Integer.valueOf(to));
                case EventChanges.NOTIFIED -> facts.notified = to.isEmpty() ? List.of()
                        : List.of(to.split(",")).stream().map(EventItems::recipient).toList();
                default -> facts.moves = moved(facts.moves, field, from, to);
            }
        }
        return facts;
    }

    private static FieldMoves moved(FieldMoves moves, String name, String from, String to) {
        TicketField<?> field = TicketField.named(name).orElseThrow(() -> new IllegalStateException(
                "an audit event item moves an unknown field: " + name));
        return with(moves, field, from, to);
    }

    private static <T> FieldMoves with(FieldMoves moves, TicketField<T> field, String from, String to) {
        return moves.with(field, field.parse(from), field.parse(to));
    }

    /** Format 1's deadline key: {@code metric/cycle/percent}. */
    private static DeadlineKey deadlineKey(String code) {
        String[] parts = code.split("/");
        return new DeadlineKey(Codes.parse(SlaMetric.class, parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]));
    }

    /** Format 1's recipient: {@code person:<id>} or {@code team:<name>}. */
    private static Recipient recipient(String code) {
        int colon = code.indexOf(':');
        String kind = code.substring(0, colon);
        String name = code.substring(colon + 1);
        return switch (kind) {
            case "person" -> Recipient.person(name);
            case "team" -> Recipient.team(name);
            default -> throw new IllegalStateException("unknown recipient " + code);
        };
    }

    private static AttributeValue recipients(List<Recipient> recipients) {
        List<AttributeValue> out = new ArrayList<>();
        for (Recipient r : recipients) {
            out.add(AttributeValue.fromM(r instanceof Recipient.Person person
                    ? Map.of("person", s(person.id().value()))
                    : Map.of("team", s(((Recipient.Team) r).name().value()))));
        }
        return AttributeValue.fromL(out);
    }

    private static Recipient recipient(Map<String, AttributeValue> m) {
        return m.containsKey("person") ? Recipient.person(str(m, "person")) : Recipient.team(str(m, "team"));
    }

    private static Integer number(Map<String, AttributeValue> m, String name) {
        AttributeValue value = m.get(name);
        return value == null ? null : Integer.valueOf(value.n());
    }

    private static AttributeValue assignment(AssignmentFacts facts) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("mode", s(facts.mode()));
        m.put("needed", skills(facts.match().needed()));
        putIfPresent(m, "language", facts.match().language());
        m.put("matched", skills(facts.match().matched()));
        if (facts.load() != null) {
            m.put("load", AttributeValue.fromM(Map.of("before", n(facts.load().before()),
                    "limit", n(facts.load().limit()), "over", AttributeValue.fromBool(facts.load().overCapacity()))));
        }
        m.put("considered", AttributeValue.fromL(facts.considered().stream().map(c -> AttributeValue.fromM(
                Map.of("person", s(c.person().value()), "verdict", s(c.verdict().code())))).toList()));
        return AttributeValue.fromM(m);
    }

    private static AssignmentFacts assignment(Map<String, AttributeValue> m) {
        AssignmentFacts.Load load = null;
        if (m.containsKey("load")) {
            Map<String, AttributeValue> l = m.get("load").m();
            load = new AssignmentFacts.Load(number(l, "before"), number(l, "limit"), l.get("over").bool());
        }
        return new AssignmentFacts(str(m, "mode"), new AssignmentFacts.SkillMatch(skills(m.get("needed")),
                str(m, "language"), skills(m.get("matched"))), load, m.get("considered").l().stream()
                .map(v -> new AssignmentFacts.Considered(new PersonId(str(v.m(), "person")),
                        Codes.parse(AssignmentFacts.Verdict.class, str(v.m(), "verdict")))).toList());
    }

    private static AttributeValue skills(List<Skill> skills) {
        return AttributeValue.fromL(skills.stream().map(skill -> s(skill.label())).toList());
    }

    private static List<Skill> skills(AttributeValue list) {
        return list == null ? List.of() : list.l().stream().map(v -> new Skill(v.s())).toList();
    }
}
