package io.tierline.local;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as API Gateway received it, before it becomes a payload 2.0 event.
 *
 * @param rawPath  the path as sent (URL-encoded)
 * @param rawQuery the query string as sent, or null
 * @param headers  header values by name as sent (any case), repeated headers as several values
 */
record HttpApiRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                      String sourceIp, String protocol, Instant time) {
}
