package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 written by hand over a socket, for the requests an HTTP client library would refuse to send (malformed
 * ones) or could not stop sending (a body the server refuses from its declared length alone).
 */
final class RawHttp {
    /** A refusal must not wait for a body or a timeout. */
    static final Duration AT_ONCE = Duration.ofSeconds(2);

    private RawHttp() {
    }

    record RawResponse(String statusLine, Map<String, String> headers, String body, Duration took) {
        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        void assertApiGatewayError(int expectedStatus, String message) {
            assertEquals(expectedStatus, status(), body);
            assertEquals("application/json", headers.get("content-type"), headers.toString());
            // the server's own refusals add their reason after the status text ("Bad Request: Illegal character …")
            Map<?, ?> answer = Json.MAPPER.convertValue(Json.read(body), Map.class);
            assertEquals(Set.of("message"), answer.keySet(), body);
            assertTrue(String.valueOf(answer.get("message")).matches(Pattern.quote(message) + "(: .+)?"), body);
            assertTrue(took.compareTo(AT_ONCE) < 0, "answered after " + took);
        }
    }

    /** Sends the bytes as they are and reads one response (the server may close the connection after it). */
    static RawResponse exchange(URI server, String request) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(15).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            byte[] body = headers.containsKey("content-length")
                    ? in.readNBytes(Integer.parseInt(headers.get("content-length"))) : in.readAllBytes();
            return new RawResponse(statusLine, headers, new String(body, StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed after " + line);
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
    }
}
