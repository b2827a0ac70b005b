package io.tierline.core.notify;

import io.tierline.core.message.DeliveryChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs JSON to a receiver's URL with a timeout; anything but a 2xx answer is a (transient) failure. Error texts
 * name the host only: a Slack webhook's path is its secret.
 */
public final class HttpDelivery {
    private final HttpClient client;
    private final Duration timeout;

    public HttpDelivery(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** A client that gives up connecting after {@code connectTimeout} and never follows redirects. */
    public static HttpDelivery withTimeouts(Duration connectTimeout, Duration requestTimeout) {
        return new HttpDelivery(HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build(), requestTimeout);
    }

    void postJson(DeliveryChannel channel, String address, String body, Map<String, String> headers)
            throws DeliveryFailure {
        URI uri = uri(channel, address);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Tierline-Notify/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw DeliveryFailure.transientFailure(channel.code() + ": " + uri.getHost() + " answered HTTP "
                        + response.statusCode());
            }
        } catch (IOException e) {
            throw new DeliveryFailure(channel.code() + ": POST to " + uri.getHost() + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure(channel.code() + ": interrupted while posting to " + uri.getHost(), false, e);
        }
    }

    private static URI uri(DeliveryChannel channel, String address) throws DeliveryFailure {
        try {
            URI uri = address == null ? null : URI.create(address);
            if (uri == null || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw DeliveryFailure.permanentFailure(channel.code() + ": address is not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw DeliveryFailure.permanentFailure(channel.code() + ": address is not a valid URL");
        }
    }
}
