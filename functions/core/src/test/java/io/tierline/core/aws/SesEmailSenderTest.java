package io.tierline.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tierline.core.notify.DeliveryFailure;
import io.tierline.core.notify.Email;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * SES cannot run here, so a loopback HTTP server answers as SES's Query API does: the test asserts on exactly the
 * SendEmail request the real client sends, and on how SES's answers become delivered, permanent or transient.
 */
class SesEmailSenderTest {
    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private static final Email EMAIL = new Email("T-1#ack", "T-1", "support@example.com", "jo@example.org",
            "Ticket T-1: we are on it", "Hello Jo,\nyour ticket is with our billing team. Grüße");

    private HttpServer ses;
    private final AtomicReference<Map<String, String>> sent = new AtomicReference<>();
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private SesClient client;

    private record Answer(int status, String xml) {
    }

    @BeforeEach
    void startSes() throws IOException {
        ses = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ses.createContext("/", exchange -> {
            sent.set(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer a = answer.get();
            byte[] body = a.xml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(a.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ses.start();
        client = SesClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + ses.getAddress().getPort()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stopSes() {
        client.close();
        ses.stop(0);
    }

    @Test
    void sendsOnePlainTextUtf8EmailThroughSendEmail() throws DeliveryFailure {
        answer.set(new Answer(200, """
                <SendEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
                  <SendEmailResult><MessageId>0100-abc</MessageId></SendEmailResult>
                  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
                </SendEmailResponse>"""));

        new SesEmailSender(() -> client).send(EMAIL, NOW);

        assertEquals(Map.of(
                "Action", "SendEmail",
                "Version", "2010-12-01",
                "Source", "support@example.com",
                "Destination.ToAddresses.member.1", "jo@example.org",
                "Message.Subject.Data", "Ticket T-1: we are on it",
                "Message.Subject.Charset", "UTF-8",
                "Message.Body.Text.Data", "Hello Jo,\nyour ticket is with our billing team. Grüße",
                "Message.Body.Text.Charset", "UTF-8"), sent.get());
    }

    @Test
    void aMessageSesRejectsIsAPermanentFailure() {
        answer.set(new Answer(400, error("Sender", "MessageRejected", "Email address is not verified.")));

        DeliveryFailure rejected = failure();
        assertTrue(rejected.permanent());
        assertTrue(rejected.getMessage().startsWith("email: SES refused it: MessageRejectedException"
                + " Email address is not verified."), rejected.getMessage());
    }

    @Test
    void anInvalidParameterIsPermanentButThrottlingAndOutagesAreRetried() {
        answer.set(new Answer(400, error("Sender", "InvalidParameterValue", "Missing final '@domain'")));
        DeliveryFailure invalid = failure();
        assertTrue(invalid.permanent());
        assertTrue(invalid.getMessage().contains("Missing final '@domain'"), invalid.getMessage());

        answer.set(new Answer(400, error("Sender", "Throttling", "Maximum sending rate exceeded.")));
        DeliveryFailure throttled = failure();
        assertEquals(false, throttled.permanent());
        assertTrue(throttled.getMessage().startsWith("email: SES failed: "), throttled.getMessage());

        answer.set(new Answer(500, error("Receiver", "InternalFailure", "Try again.")));
        DeliveryFailure outage = failure();
        assertEquals(false, outage.permanent());
        assertTrue(outage.getMessage().startsWith("email: SES failed: "), outage.getMessage());
    }

    private DeliveryFailure failure() {
        return assertThrows(DeliveryFailure.class, () -> new SesEmailSender(() -> client).send(EMAIL, NOW));
    }

    private static String error(String type, String code, String message) {
        return """
                <ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
                  <Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>r-2</RequestId>
                </ErrorResponse>""".formatted(type, code, message);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
