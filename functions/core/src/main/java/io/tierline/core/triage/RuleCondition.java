package io.tierline.core.triage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a rule fires: every condition given must hold (an absent one always holds, so an empty condition matches
 * every ticket). Field values are compared in lower case.
 *
 * @param keywords           whole-word keywords in subject or description (see {@link Keywords}); null for none
 * @param regex              a regular expression found in subject or description; null for none
 * @param fields             ticket field → allowed values (channel, plan, category, impact, urgency)
 * @param languages          detected language codes, empty for any
 * @param frustrationAtLeast null for any
 * @param riskAtLeast        null for any
 * @param timeOfDay          null for any time
 */
public record RuleCondition(Pattern keywords, Pattern regex, Map<String, Set<String>> fields, Set<String> languages,
                            Double frustrationAtLeast, Double riskAtLeast, TimeOfDay timeOfDay) {

    public static final List<String> FIELDS = List.of("channel", "plan", "category", "impact", "urgency");

    public RuleCondition {
        fields = Map.copyOf(fields);
        languages = Set.copyOf(languages);
    }

    boolean holdsFor(TriageFacts facts) {
        return foundInText(keywords, facts) && foundInText(regex, facts)
                && fields.entrySet().stream().allMatch(f -> facts.field(f.getKey()).filter(f.getValue()::contains)
                .isPresent())
                && (languages.isEmpty() || languages.contains(facts.assessment().language().code()))
                && (frustrationAtLeast == null || facts.assessment().frustration().atLeast(frustrationAtLeast))
                && (riskAtLeast == null || facts.assessment().risk().atLeast(riskAtLeast))
                && (timeOfDay == null || timeOfDay.holdsAt(facts.now()));
    }

    private static boolean foundInText(Pattern pattern, TriageFacts facts) {
        return pattern == null || pattern.matcher(facts.ticket().subject()).find()
                || pattern.matcher(facts.ticket().description()).find();
    }
}
