package io.tierline.core.classify;

import io.tierline.core.classify.FrustrationReason.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores how frustrated a customer is from the ticket's wording (multilingual cue list {@code frustration-cues.txt}),
 * shouting (capitals, "!!!"), and what the caller knows: recent contacts and prior escalations. Each signal is a
 * weight; the score combines them as a noisy OR, so it is 0 without any signal, rises with each one and never passes
 * 1. The weights are set by hand to rank tickets sensibly, not learned: read the score as "how many and how strong
 * the signs are", and pick rule thresholds such as 0.5 (two clear signs) accordingly.
 *
 * <p>Pure: the same text and history always give the same result; no I/O after construction.
 */
public final class FrustrationSignal {

    /** Words of at least this many letters count for shouting; shorter ones are too often acronyms (VPN, SAP). */
    private static final int SHOUT_MIN_LETTERS = 4;
    private static final Pattern PUNCTUATION_RUN = Pattern.compile("[!?]{2,}");
    private static final double CONTACT_STEP = 0.15;
    private static final double CONTACT_CAP = 0.45;
    private static final double ESCALATION_STEP = 0.2;
    private static final double ESCALATION_CAP = 0.4;

    private static final FrustrationSignal DEFAULT = new FrustrationSignal(PhraseCues.load("frustration-cues.txt"));

    private final PhraseCues cues;

    private FrustrationSignal(PhraseCues cues) {
        this.cues = cues;
    }

    public static FrustrationSignal defaults() {
        return DEFAULT;
    }

    public Frustration score(String subject, String description, ContactHistory history) {
        String text = TicketText.of(subject, description);
        List<FrustrationReason> reasons = new ArrayList<>();
        for (PhraseCues.Cue cue : cues.findIn(text)) {
            reasons.add(new FrustrationReason(kindOf(cue.kind()), "\"" + cue.phrase() + "\"", cue.weight()));
        }
        shouting(text, reasons);
        punctuation(text, reasons);
        contacts(history, reasons);
        Evidence evidence = new Evidence();
        reasons.forEach(reason -> evidence.add(reason.weight()));
        return new Frustration(evidence.score(), reasons);
    }

    private static Kind kindOf(String cueKind) {
        switch (cueKind) {
            case "anger":
                return Kind.WORDING;
            case "repeat":
                return Kind.REPEATED_ISSUE;
            case "profanity":
                return Kind.PROFANITY;
            default:
                throw new IllegalStateException("unknown frustration cue kind " + cueKind);
        }
    }

    private static void shouting(String text, List<FrustrationReason> reasons) {
        int[] spans = Tokenizer.spans(text);
        int eligible = 0;
        int shouted = 0;
        for (int i = 0; i < spans.length; i += 2) {
            int letters = 0;
            boolean allUpper = true;
            for (int c = spans[i]; c < spans[i + 1]; c++) {
                char ch = text.charAt(c);
                if (Character.isLetter(ch)) {
                    letters++;
                    allUpper &= Character.isUpperCase(ch);
                }
            }
            if (letters >= SHOUT_MIN_LETTERS) {
                eligible++;
                if (allUpper) {
                    shouted++;
                }
            }
        }
        if (shouted < 2) {
            return;
        }
        double share = (double) shouted / eligible;
        String evidence = String.format(Locale.ROOT, "%d of %d words in capitals", shouted, eligible);
        if (share >= 0.8) {
            reasons.add(new FrustrationReason(Kind.SHOUTING, evidence, 0.4));
        } else if (share >= 0.5) {
            reasons.add(new FrustrationReason(Kind.SHOUTING, evidence, 0.3));
        } else if (shouted >= 3 && share >= 0.25) {
            reasons.add(new FrustrationReason(Kind.SHOUTING, evidence, 0.15));
        }
    }

    private static void punctuation(String text, List<FrustrationReason> reasons) {
        Matcher runs = PUNCTUATION_RUN.matcher(text);
        int count = 0;
        int longest = 0;
        while (runs.find()) {
            count++;
            longest = Math.max(longest, runs.end() - runs.start());
        }
        if (count > 0) {
            String evidence = count + (count == 1 ? " run" : " runs") + " of !! or ??";
            reasons.add(new FrustrationReason(Kind.PUNCTUATION, evidence, count >= 2 || longest >= 3 ? 0.2 : 0.1));
        }
    }

    private static void contacts(ContactHistory history, List<FrustrationReason> reasons) {
        if (history.earlierContacts() >= 2) {
            double weight = Math.min(CONTACT_CAP, CONTACT_STEP * (history.earlierContacts() - 1));
            reasons.add(new FrustrationReason(Kind.REPEATED_CONTACTS, history.earlierContacts()
                    + " earlier contacts in " + history.windowDays() + " days", weight));
        }
        if (history.priorEscalations() > 0) {
            double weight = Math.min(ESCALATION_CAP, ESCALATION_STEP * history.priorEscalations());
            reasons.add(new FrustrationReason(Kind.PRIOR_ESCALATIONS, history.priorEscalations()
                    + (history.priorEscalations() == 1 ? " earlier escalation" : " earlier escalations"), weight));
        }
    }
}
