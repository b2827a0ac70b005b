package io.tierline.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates intrinsic functions the way CloudFormation would at deploy time, against local resources: parameters
 * take their defaults, conditions are evaluated, {@code Ref}/{@code GetAtt} ask {@link ResourceAttributes}.
 */
public final class IntrinsicResolver {

    /** {@code !Ref AWS::NoValue}: the property or list element disappears. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final SamTemplate template;
    private final ResourceAttributes resources;

    public IntrinsicResolver(SamTemplate template, ResourceAttributes resources) {
        this.template = template;
        this.resources = resources;
    }

    /** The value as text, or null for {@code AWS::NoValue}. */
    public String resolveToString(Object value) {
        Object resolved = resolve(value);
        if (resolved == NO_VALUE) {
            return null;
        }
        if (resolved instanceof List<?> || resolved instanceof Map<?, ?>) {
            return Json.write(resolved);
        }
        return String.valueOf(resolved);
    }

    /** Resolves every intrinsic inside value (deeply); {@link #NO_VALUE} entries of lists and maps are dropped. */
    public Object resolve(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            return call(intrinsic);
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            list.stream().map(this::resolve).filter(v -> v != NO_VALUE).forEach(resolved::add);
            return resolved;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = resolve(v);
                if (r != NO_VALUE) {
                    resolved.put(String.valueOf(k), r);
                }
            });
            return resolved;
        }
        return value;
    }

    private Object call(Intrinsic intrinsic) {
        Object argument = intrinsic.argument();
        return switch (intrinsic.function()) {
            case "Ref" -> ref(String.valueOf(resolve(argument)));
            case "Fn::GetAtt" -> getAtt(strings(argument, 2, intrinsic));
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> join(arguments(argument, 2, intrinsic));
            case "Fn::Select" -> select(arguments(argument, 2, intrinsic));
            case "Fn::Split" -> split(strings(argument, 2, intrinsic));
            case "Fn::If" -> conditional(arguments(argument, 3, intrinsic));
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition" -> condition(intrinsic);
            case "Fn::FindInMap" -> findInMap(strings(argument, 3, intrinsic));
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    String.valueOf(resolve(argument)).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(LocalAccount.REGION + "a", LocalAccount.REGION + "b", LocalAccount.REGION + "c");
            default -> throw new UnsupportedOperationException(
                    intrinsic.function() + " is not supported by the local runner (in " + intrinsic + ")");
        };
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region":
                return LocalAccount.REGION;
            case "AWS::AccountId":
                return LocalAccount.ACCOUNT_ID;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return "tierline-local";
            case "AWS::StackId":
                return LocalAccount.arn("cloudformation", "stack/tierline-local/local");
            case "AWS::NoValue":
                return NO_VALUE;
            default:
                break;
        }
        if (template.sections().parameterDefaults().containsKey(name)) {
            return resolve(template.sections().parameterDefaults().get(name));
        }
        String value = resources.ref(name);
        if (value == null) {
            throw new IllegalArgumentException("!Ref " + name + ": no such parameter (with a Default) or local resource");
        }
        return value;
    }

    private Object getAtt(List<String> resourceAndAttribute) {
        String value = resources.getAtt(resourceAndAttribute.get(0), resourceAndAttribute.get(1));
        if (value == null) {
            throw new IllegalArgumentException("!GetAtt " + String.join(".", resourceAndAttribute)
                    + ": not available locally");
        }
        return value;
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list && list.size() == 2 && list.get(1) instanceof Map<?, ?> map) {
            text = String.valueOf(resolve(list.get(0)));
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            variables = typed;
        } else {
            text = String.valueOf(resolve(argument));
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = name.startsWith("!") ? "${" + name.substring(1) + "}" : subVariable(name, variables);
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String subVariable(String name, Map<String, Object> variables) {
        if (variables.containsKey(name)) {
            return String.valueOf(resolve(variables.get(name)));
        }
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            return String.valueOf(getAtt(List.of(name.substring(0, dot), name.substring(dot + 1))));
        }
        return String.valueOf(ref(name));
    }

    private String join(List<Object> arguments) {
        String delimiter = String.valueOf(arguments.get(0));
        List<String> parts = asList(resolve(arguments.get(1))).stream().map(String::valueOf).toList();
        return String.join(delimiter, parts);
    }

    private Object select(List<Object> arguments) {
        int index = Integer.parseInt(String.valueOf(resolve(arguments.get(0))).trim());
        return asList(resolve(arguments.get(1))).get(index);
    }

    private List<String> split(List<String> arguments) {
        return List.of(arguments.get(1).split(Pattern.quote(arguments.get(0)), -1));
    }

    private Object conditional(List<Object> arguments) {
        return resolve(evaluateCondition(String.valueOf(arguments.get(0))) ? arguments.get(1) : arguments.get(2));
    }

    private boolean condition(Intrinsic intrinsic) {
        Object argument = intrinsic.argument();
        return switch (intrinsic.function()) {
            case "Condition" -> evaluateCondition(String.valueOf(argument));
            case "Fn::Equals" -> {
                List<Object> pair = arguments(argument, 2, intrinsic);
                yield String.valueOf(resolve(pair.get(0))).equals(String.valueOf(resolve(pair.get(1))));
            }
            case "Fn::Not" -> !isTrue(arguments(argument, 1, intrinsic).get(0));
            case "Fn::And" -> asList(argument).stream().allMatch(this::isTrue);
            case "Fn::Or" -> asList(argument).stream().anyMatch(this::isTrue);
            default -> throw new IllegalStateException(intrinsic.function());
        };
    }

    private boolean isTrue(Object condition) {
        return Boolean.parseBoolean(String.valueOf(resolve(condition)));
    }

    private boolean evaluateCondition(String name) {
        if (!template.sections().conditions().containsKey(name)) {
            throw new IllegalArgumentException("Unknown condition " + name);
        }
        return isTrue(template.sections().conditions().get(name));
    }

    private Object findInMap(List<String> keys) {
        Object value = template.sections().mappings();
        for (String key : keys) {
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new IllegalArgumentException("Fn::FindInMap: no entry " + keys);
            }
            value = map.get(key);
        }
        return resolve(value);
    }

    private List<Object> arguments(Object argument, int count, Intrinsic intrinsic) {
        List<Object> list = asList(argument);
        if (list.size() < count) {
            throw new IllegalArgumentException(intrinsic.function() + " needs " + count + " arguments: " + intrinsic);
        }
        return list;
    }

    private List<String> strings(Object argument, int count, Intrinsic intrinsic) {
        return arguments(argument, count, intrinsic).stream().map(a -> String.valueOf(resolve(a))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }
}
