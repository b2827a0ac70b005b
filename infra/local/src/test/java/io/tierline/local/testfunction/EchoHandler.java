package io.tierline.local.testfunction;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;

/**
 * The function of the whole-stack test, packaged into a zip at test time (Jackson in its lib/, as a real function
 * zip carries its libraries). It answers each kind of event the local runner sends.
 */
public class EchoHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        System.out.println("EchoHandler initialised in " + System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        JsonNode response;
        if (event.has("rawPath")) {
            response = httpResponse(event);
        } else if (event.has("Records")) {
            response = sqsResponse(event);
        } else if ("Scheduled Event".equals(event.path("detail-type").asText())) {
            System.out.println("scheduled event for " + event.path("time").asText());
            response = JSON.createObjectNode();
        } else {
            response = command(event, context);
        }
        JSON.writeValue(output, response);
    }

    private static JsonNode httpResponse(JsonNode event) throws IOException {
        ObjectNode echo = JSON.createObjectNode();
        echo.set("event", event);
        echo.put("table", System.getenv("GREETING_TABLE"));
        ObjectNode response = JSON.createObjectNode();
        response.put("statusCode", event.path("rawPath").asText().endsWith("/teapot") ? 418 : 200);
        response.putObject("headers").put("content-type", "application/json").put("x-route", event.path("routeKey").asText());
        response.putArray("cookies").add("session=abc; Path=/").add("theme=dark");
        response.put("body", JSON.writeValueAsString(echo));
        response.put("isBase64Encoded", false);
        return response;
    }

    /** Bodies containing "fail" are reported as failed items; "garbage" answers an unknown item identifier. */
    private static JsonNode sqsResponse(JsonNode event) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        StringBuilder bodies = new StringBuilder();
        for (JsonNode record : event.path("Records")) {
            String body = record.path("body").asText();
            bodies.append(bodies.length() == 0 ? "" : ",").append(body);
            if (body.contains("fail")) {
                failures.addObject().put("itemIdentifier", record.path("messageId").asText());
            }
            if (body.contains("garbage")) {
                failures.addObject().put("itemIdentifier", "not-in-this-batch");
            }
        }
        System.out.println("sqs batch size=" + event.path("Records").size() + " bodies=" + bodies);
        return response;
    }

    private static JsonNode command(JsonNode event, Context context) {
        switch (event.path("action").asText()) {
            case "throw":
                throw new IllegalStateException("asked to fail");
            case "exit":
                System.exit(3);
                return null;
            case "sleep":
                try {
                    Thread.sleep(event.path("millis").asLong());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                break;
            default:
                break;
        }
        ObjectNode response = JSON.createObjectNode();
        response.set("echo", event);
        response.put("function", context.getFunctionName());
        response.put("remainingMillis", context.getRemainingTimeInMillis());
        response.put("requestId", context.getAwsRequestId());
        // the JVM as the runner started it: which collector, how much heap
        ArrayNode collectors = response.putArray("collectors");
        ManagementFactory.getGarbageCollectorMXBeans().forEach(collector -> collectors.add(collector.getName()));
        response.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        response.put("initialHeapBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit());
        response.put("tieredStopAtLevel", ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("TieredStopAtLevel").getValue());
        return response;
    }
}
