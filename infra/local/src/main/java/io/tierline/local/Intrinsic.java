package io.tierline.local;

import java.util.List;

/**
 * A CloudFormation intrinsic function call as written in the template, e.g. {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub} or {@code Condition}. Short forms ({@code !Ref x}) and long forms ({@code {Ref: x}}) both end up
 * here, so everything downstream handles one shape only.
 *
 * @param function the long-form name: {@code Ref}, {@code Condition} or {@code Fn::<Name>}
 * @param argument the argument as parsed YAML (String, Number, Boolean, List, Map or nested Intrinsic);
 *                 for {@code Fn::GetAtt} always a two-element list {@code [logicalId, attribute]}
 */
public record Intrinsic(String function, Object argument) {

    public static final String REF = "Ref";
    public static final String GET_ATT = "Fn::GetAtt";
    public static final String CONDITION = "Condition";

    public Intrinsic {
        if (GET_ATT.equals(function) && argument instanceof String dotted) {
            // "Queue.Arn" means ["Queue", "Arn"]; attributes may themselves contain dots ("Endpoint.Address").
            int dot = dotted.indexOf('.');
            argument = dot < 0 ? List.of(dotted, "") : List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
        }
    }

    /** Long-form name for a short-form YAML tag: {@code !Ref} → Ref, {@code !Condition} → Condition, {@code !Sub} → Fn::Sub. */
    static String functionForTag(String tag) {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        return REF.equals(name) || CONDITION.equals(name) ? name : "Fn::" + name;
    }

    /** Whether a single-key map with this key is a long-form intrinsic rather than ordinary data. */
    static boolean isLongFormKey(String key, Object value) {
        return REF.equals(key) || key.startsWith("Fn::") || (CONDITION.equals(key) && value instanceof String);
    }

    /** The logical id that a {@code Ref} or {@code Fn::GetAtt} points at, or null for anything else. */
    public String targetLogicalId() {
        if (REF.equals(function) && argument instanceof String id) {
            return id;
        }
        if (GET_ATT.equals(function) && argument instanceof List<?> parts && !parts.isEmpty()) {
            return String.valueOf(parts.get(0));
        }
        return null;
    }
}
