package io.tierline.local;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as API Gateway received it, before it becomes a payload 2.0 event: what it asks for, its headers
 * and body, and where and when it came from.
 *
 * @param headers header values by name as sent (any case), repeated headers as several values
 */
record HttpApiRequest(Target target, Map<String, List<String>> headers, byte[] body, Peer peer) {

    /**
     * @param rawPath  the path as sent (URL-encoded)
     * @param rawQuery the query string as sent, or null
     */
    record Target(String method, String rawPath, String rawQuery) {
    }

    /** The client's address, the HTTP version it spoke and when the request arrived. */
    record Peer(String sourceIp, String protocol, Instant time) {
        /** A request made on this machine, as the tests and the runner's own calls make them. */
        static Peer loopback(Instant time) {
            return new Peer("127.0.0.1", "HTTP/1.1", time);
        }
    }
}
