package io.tierline.local;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} of the template, with {@code Globals.Function} already applied.
 *
 * @param codeUri     the code zip or folder, resolved against the template's folder
 * @param timeout     seconds (Lambda default 3)
 * @param memorySize  MB (Lambda default 128)
 * @param environment the merged Environment.Variables, values unresolved (literals or {@link Intrinsic})
 */
public record FunctionDefinition(
        String logicalId,
        Path codeUri,
        String handler,
        String runtime,
        int timeout,
        int memorySize,
        Map<String, Object> environment,
        List<FunctionEvent> events) {

    public FunctionDefinition {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        events = List.copyOf(events);
    }

    public <T extends FunctionEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public String arn() {
        return LocalAccount.arn("lambda", "function:" + logicalId);
    }
}
