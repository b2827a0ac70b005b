package io.tierline.core.triage;

import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.Tier;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sends tickets whose subject or description contains one of its keywords (whole words or phrases, any case, with
 * an optional plural "s"/"es": "invoice" matches "invoices" but "down" never matches "download") to a team and tier. Rules are tried in order; the first that matches decides.
 */
public final class RoutingRule {
    private final String name;
    private final List<String> keywords;
    private final String team;
    private final Tier tier;
    private final String category;
    private final Pattern pattern;

    public RoutingRule(String name, List<String> keywords, String team, Tier tier, String category) {
        this.name = name;
        this.keywords = List.copyOf(keywords);
        this.team = team;
        this.tier = tier;
        this.category = category;
        this.pattern = Pattern.compile(keywords.stream().map(Pattern::quote)
                .collect(Collectors.joining("|", "(?<![\\p{L}\\p{N}])(?:", ")(?:e?s)?(?![\\p{L}\\p{N}])")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public boolean matches(Ticket ticket) {
        return pattern.matcher(ticket.subject()).find() || pattern.matcher(ticket.description()).find();
    }

    public String name() {
        return name;
    }

    public List<String> keywords() {
        return keywords;
    }

    public String team() {
        return team;
    }

    public Tier tier() {
        return tier;
    }

    public String category() {
        return category;
    }
}
