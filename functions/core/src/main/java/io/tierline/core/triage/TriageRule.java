package io.tierline.core.triage;

/** One rule of the policy document: a name (recorded in the audit trail), when it fires and what it does. */
public record TriageRule(String name, RuleCondition when, RuleActions then) {
}
