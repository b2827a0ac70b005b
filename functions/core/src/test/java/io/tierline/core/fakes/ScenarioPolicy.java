package io.tierline.core.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.json.Json;
import io.tierline.core.policy.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The escalation scenario's policy document: the bundled one (billing: supervisor sam, manager ada; bob on call this
 * week) with one plan on calendar time. First response within 1 h, warning at 50 %. Level 1 at the warning notifies
 * the assignee and the team's supervisor, with 2 reminders 10 minutes apart; level 2 at the breach raises the tier,
 * adds the supervisor as watcher and notifies; level 3, 30 minutes later, notifies the manager and whoever is on
 * call and raises the priority. An acknowledgement holds for 30 minutes.
 */
public final class ScenarioPolicy {
    private ScenarioPolicy() {
    }

    public static String document() throws IOException {
        ObjectNode doc;
        try (InputStream in = PolicyDocument.class.getResourceAsStream(PolicyDocument.BUNDLED)) {
            doc = (ObjectNode) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        doc.set("slaPolicies", Json.parse("""
                [{"name": "scenario", "calendar": "24x7",
                  "metrics": {"firstResponse": {"target": "1h", "warnAt": [50]}}}]"""));
        doc.set("escalationPolicies", Json.parse("""
                [{"name": "scenario", "acknowledgementTimeout": "30m",
                  "levels": [
                    {"trigger": {"warning": "firstResponse"}, "targets": [{"role": "assignee"}, {"role": "supervisor"}],
                     "actions": ["notify"], "repeat": {"every": "10m", "times": 2}},
                    {"trigger": {"breach": "firstResponse"}, "targets": [{"role": "supervisor"}],
                     "actions": ["raiseTier", "addWatchers", "notify"]},
                    {"trigger": {"after": "30m"}, "targets": [{"role": "manager"}, {"onCall": "engineering-on-call"}],
                     "actions": ["raisePriority", "addWatchers", "notify"]}]}]"""));
        return doc.toString();
    }
}
