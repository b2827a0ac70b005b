package io.tierline.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads CloudFormation YAML (or JSON, which is YAML too) into plain maps and lists, turning every intrinsic
 * function, short form or long form, into an {@link Intrinsic}.
 */
final class CfnYaml {

    private CfnYaml() {
    }

    static Map<String, Object> parse(String text) {
        Object document = new Yaml(new CfnConstructor(new LoaderOptions())).load(text);
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("A CloudFormation template must be a YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> normalized = (Map<String, Object>) normalizeLongForms(document);
        return normalized;
    }

    /** Long forms ({@code {"Fn::GetAtt": [...]}}) are ordinary YAML maps: rewrite them into Intrinsic values. */
    private static Object normalizeLongForms(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            return new Intrinsic(intrinsic.function(), normalizeLongForms(intrinsic.argument()));
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                if (Intrinsic.isLongFormKey(key, only.getValue())) {
                    return new Intrinsic(key, normalizeLongForms(only.getValue()));
                }
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalizeLongForms(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(normalizeLongForms(item)));
            return copy;
        }
        return value;
    }

    /** SnakeYAML rejects unknown local tags; CloudFormation's {@code !Xyz} tags become Intrinsic values here. */
    private static final class CfnConstructor extends SafeConstructor {

        CfnConstructor(LoaderOptions options) {
            super(options);
            this.yamlMultiConstructors.put("!", new ConstructIntrinsic());
        }

        private final class ConstructIntrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String function = Intrinsic.functionForTag(node.getTag().getValue());
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return new Intrinsic(function, argument);
            }
        }
    }
}
