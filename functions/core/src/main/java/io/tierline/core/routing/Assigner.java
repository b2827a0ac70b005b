package io.tierline.core.routing;

import io.tierline.core.ticket.AssignmentFacts;
import io.tierline.core.ticket.AssignmentFacts.Considered;
import io.tierline.core.ticket.AssignmentFacts.Verdict;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Skill;
import io.tierline.core.ticket.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the person of a ticket's team who should have it, at an instant, from their states: only who is available,
 * on shift, works at the ticket's tier, speaks its language (when the rule maps it) and has room under their
 * capacity for its priority (an urgent ticket may go past it when the rule allows and nobody has room). Among them,
 * in mode {@code skills}: most needed skills matched, then most spare capacity, then whoever was given a ticket
 * least recently; in mode {@code round-robin}: whoever was given one least recently. Ties end on the person's id,
 * so the same states always give the same answer. The ticket's current assignee is passed by (a re-offer).
 */
public final class Assigner {
    private static final Comparator<Instant> NEVER_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private Assigner() {
    }

    public static AssignmentDecision decide(Ticket ticket, Staffing staffing, Map<PersonId, AgentState> states,
                                            Instant at) {
        return decide(ticket, staffing, states, at, null);
    }

    /**
     * @param handedUpBy who held the ticket until an escalation or transfer moved it up a tier (see
     *                   {@link RoutingService#handedUpBy}), or null: the tier above is someone else's to take,
     *                   even where that person works every tier
     */
    public static AssignmentDecision decide(Ticket ticket, Staffing staffing, Map<PersonId, AgentState> states,
                                            Instant at, PersonId handedUpBy) {
        AssignmentRule rule = staffing.rule(ticket.team());
        boolean bySkills = rule.mode() == AssignmentMode.SKILLS;
        Needs needs = bySkills ? Needs.of(ticket, rule, staffing.skillsOf(ticket.team())) : new Needs(Set.of(), null);
        PersonId current = ticket.assignee();
        List<Candidate> open = new ArrayList<>();
        List<Candidate> full = new ArrayList<>();
        List<Considered> passed = new ArrayList<>();
        for (Agent agent : staffing.members(ticket.team())) {
            Candidate candidate = new Candidate(agent, states.getOrDefault(agent.id(), AgentState.FRESH),
                    agent.capacity().limitFor(ticket.priority()), matched(agent, needs));
            Verdict gate = agent.id().equals(handedUpBy) ? Verdict.HANDED_UP
                    : gate(candidate, agent.id().equals(current), ticket, needs, at);
            if (gate == null) {
                open.add(candidate);
            } else {
                if (gate == Verdict.AT_CAPACITY) {
                    full.add(candidate);
                }
                passed.add(new Considered(agent.id(), gate));
            }
        }
        boolean overCapacity = open.isEmpty() && !full.isEmpty() && ticket.priority() == Priority.URGENT
                && rule.urgentMayExceedCapacity();
        List<Candidate> pool = overCapacity ? full : open;
        Comparator<Candidate> order = bySkills
                ? Comparator.comparingInt((Candidate c) -> -c.matched().size()).thenComparingInt(c -> -c.spare())
                        .thenComparing(c -> c.state().lastAssignedAt(), NEVER_FIRST)
                : Comparator.comparing((Candidate c) -> c.state().lastAssignedAt(), NEVER_FIRST);
        List<Candidate> eligible = pool.stream().sorted(order.thenComparing(c -> c.agent().id().value())).toList();
        List<Considered> considered = new ArrayList<>();
        Candidate best = eligible.isEmpty() ? null : eligible.get(0);
        for (Candidate c : eligible) {
            considered.add(new Considered(c.agent().id(), c == best ? Verdict.CHOSEN : behind(c, best, bySkills)));
        }
        if (overCapacity) {
            passed.removeIf(p -> eligible.stream().anyMatch(c -> c.agent().id().equals(p.person())));
        }
        considered.addAll(passed);
        if (best == null) {
            return new AssignmentDecision(null, new AssignmentFacts(rule.mode().code(),
                    new AssignmentFacts.SkillMatch(needs.sorted(), needs.language(), List.of()), null, considered));
        }
        return new AssignmentDecision(best.agent().id(), new AssignmentFacts(rule.mode().code(),
                new AssignmentFacts.SkillMatch(needs.sorted(), needs.language(), best.matched()),
                new AssignmentFacts.Load(best.state().load(), best.limit(), overCapacity), considered));
    }

    private static Verdict gate(Candidate c, boolean isCurrent, Ticket ticket, Needs needs, Instant at) {
        return switch (c.state().availability()) {
            case AWAY -> Verdict.AWAY;
            case OFFLINE -> Verdict.OFFLINE;
            case AVAILABLE -> {
                if (isCurrent) {
                    yield Verdict.CURRENT_ASSIGNEE;
                } else if (!c.agent().onShiftAt(at)) {
                    yield Verdict.OFF_SHIFT;
                } else if (!c.agent().placement().worksAt(ticket.tier())) {
                    yield Verdict.OTHER_TIER;
                } else if (!c.agent().competence().speaks(needs.language())) {
                    yield Verdict.NO_LANGUAGE;
                } else if (c.spare() <= 0) {
                    yield Verdict.AT_CAPACITY;
                }
                yield null;
            }
        };
    }

    /** Why {@code c} ranked behind the chosen one: the first ordering step that separated them. */
    private static Verdict behind(Candidate c, Candidate best, boolean bySkills) {
        if (bySkills && c.matched().size() < best.matched().size()) {
            return Verdict.FEWER_SKILLS;
        }
        if (bySkills && c.spare() < best.spare()) {
            return Verdict.MORE_LOADED;
        }
        return Verdict.LATER_TURN;
    }

    private static List<Skill> matched(Agent agent, Needs needs) {
        TreeSet<Skill> matched = new TreeSet<>(needs.skills());
        matched.retainAll(agent.competence().skills());
        return List.copyOf(matched);
    }

    private record Candidate(Agent agent, AgentState state, int limit, List<Skill> matched) {
        int spare() {
            return limit - state.load();
        }
    }
}
