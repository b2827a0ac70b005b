package io.tierline.local;

import java.util.Map;

/**
 * Finds which resource of the template a property points at: {@code !GetAtt Queue.Arn}, {@code !Ref Queue}, or a
 * literal ARN of a queue whose name is known from the template.
 */
record TemplateReferences(Map<String, String> queueLogicalIdsByName) {

    TemplateReferences {
        queueLogicalIdsByName = Map.copyOf(queueLogicalIdsByName);
    }

    String queueLogicalId(Object reference) {
        if (reference instanceof Intrinsic intrinsic) {
            return intrinsic.targetLogicalId();
        }
        if (reference instanceof String arn) {
            return queueLogicalIdsByName.get(arn.substring(arn.lastIndexOf(':') + 1));
        }
        return null;
    }
}
