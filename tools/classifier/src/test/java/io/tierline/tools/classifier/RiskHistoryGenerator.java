package io.tierline.tools.classifier;

import io.tierline.core.classify.ContactHistory;
import io.tierline.core.triage.CustomerContacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated ticket history (fixed seed) where whether a ticket escalates really depends on its text and on the
 * customer's history, and not on the hand-weighted cues: the topics that need an expert use words the cue list does
 * not know (SAML, webhook signatures, ledger drift), and the cue words ("urgent", "crash", "bug") are sprinkled over
 * every topic alike, as customers use them. Customers who escalated before escalate again more often.
 */
final class RiskHistoryGenerator {

    /** Topics experts solve: subject, description. */
    static final String[][] EXPERT_TOPICS = {
        {"SAML assertion rejected", "single sign-on returns an invalid audience in the assertion"},
        {"Webhook signature mismatch", "our endpoint verifies the HMAC and every delivery fails verification"},
        {"Ledger drift after reconciliation", "the nightly reconciliation leaves a balance difference"},
        {"Replication lag on the reporting replica", "dashboards show numbers hours behind the primary"},
        {"OAuth token refresh loops", "the refresh grant keeps returning a new token that expires at once"},
        {"Custom domain certificate not renewed", "the TLS certificate on our vanity domain expired"},
    };
    /** Topics the front line solves. */
    static final String[][] FRONT_LINE_TOPICS = {
        {"Password reset", "I forgot my password and the reset mail went to spam"},
        {"Invoice copy", "please send a copy of last month's invoice to accounting"},
        {"Change email address", "how do I change the address on my profile"},
        {"Export to spreadsheet", "where is the button to download the list as a spreadsheet"},
        {"Add a colleague", "how can I invite a new team member to our workspace"},
        {"Dark mode", "is there a setting to switch the interface to dark mode"},
    };
    static final String[] CUE_NOISE = {"", "", "", " This is urgent.", " The page crashed.", " Looks like a bug.",
        " Everyone is blocked.", " Please help asap."};
    static final String[] CHANNELS = {"email", "web", "api", "chat"};
    static final String[] PLANS = {"free", "pro", "enterprise"};

    private RiskHistoryGenerator() {
    }

    static List<RiskRow> generate(int customers, int tickets, long seed) {
        Random random = new Random(seed);
        double[] proneness = new double[customers];
        for (int c = 0; c < customers; c++) {
            proneness[c] = random.nextDouble() < 0.2 ? 1.0 : 0.0;
        }
        List<List<double[]>> pastByCustomer = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            pastByCustomer.add(new ArrayList<>());
        }
        List<RiskRow> rows = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            int customer = random.nextInt(customers);
            double day = i * 365.0 / tickets;
            int contacts = 0;
            int escalations = 0;
            for (double[] past : pastByCustomer.get(customer)) {
                contacts += day - past[0] < CustomerContacts.WINDOW_DAYS ? 1 : 0;
                escalations += past[1] > 0 ? 1 : 0;
            }
            boolean expertTopic = random.nextDouble() < 0.3 + 0.2 * proneness[customer];
            String[] topic = expertTopic ? EXPERT_TOPICS[random.nextInt(EXPERT_TOPICS.length)]
                    : FRONT_LINE_TOPICS[random.nextInt(FRONT_LINE_TOPICS.length)];
            double logit = -2.4 + (expertTopic ? 2.6 : 0) + 0.9 * Math.min(escalations, 3)
                    + 0.3 * Math.min(contacts, 3);
            boolean escalated = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            pastByCustomer.get(customer).add(new double[] {day, escalated ? 1 : 0});
            rows.add(new RiskRow("t" + i, new RiskRow.Text(topic[0], topic[1]
                    + CUE_NOISE[random.nextInt(CUE_NOISE.length)]),
                    new RiskRow.Fields(CHANNELS[random.nextInt(CHANNELS.length)],
                            PLANS[random.nextInt(PLANS.length)], "", "normal"),
                    new ContactHistory(contacts, CustomerContacts.WINDOW_DAYS, escalations), escalated));
        }
        return rows;
    }
}
