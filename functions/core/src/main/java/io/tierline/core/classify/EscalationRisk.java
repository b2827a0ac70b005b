package io.tierline.core.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How likely a new ticket needs tier 2 or above, so rules can send risky tickets past tier 1.
 *
 * <ul>
 *   <li><b>Learned</b> ({@link #learned}): a {@link TextClassifier} trained on past tickets whose tier is known, with
 *       the two labels {@value #ESCALATE} and {@value #NO_ESCALATE} (the training tool's {@code --tier1-labels}
 *       option makes them from a tier or team column). The score is the model's probability of {@value #ESCALATE}.
 *   <li><b>Fallback</b> ({@link #fallback}), when no model is configured: a noisy OR of hand-weighted cues of wide
 *       impact, security, defects and urgency ({@code escalation-cues.txt}, multilingual) and half the customer's
 *       frustration score. It ranks tickets sensibly but is not calibrated: treat 0.5 as "two clear signs", and train
 *       a model as soon as history with tiers exists.
 *   <li>A model trained on the store's own closed tickets ({@code bin/train-risk}) reads the ticket's text plus the
 *       {@link RiskContext} marker words (channel, plan, category, the customer's earlier contacts and escalations).
 * </ul>
 */
public final class EscalationRisk {

    public static final String ESCALATE = "escalate";
    public static final String NO_ESCALATE = "no-escalate";
    /** Frustration alone rarely means a ticket needs an expert, so it counts at half weight in the fallback. */
    static final double FRUSTRATION_SHARE = 0.5;

    private static final PhraseCues CUES = PhraseCues.load("escalation-cues.txt");

    private final Optional<TextClassifier> model;

    private EscalationRisk(Optional<TextClassifier> model) {
        this.model = model;
    }

    public static EscalationRisk learned(TextClassifier model) {
        if (!model.labels().contains(ESCALATE) || !model.labels().contains(NO_ESCALATE) || model.labels().size() != 2) {
            throw new IllegalArgumentException("an escalation-risk model has exactly the labels " + ESCALATE + " and "
                    + NO_ESCALATE + ", this one has " + model.labels());
        }
        return new EscalationRisk(Optional.of(model));
    }

    public static EscalationRisk fallback() {
        return new EscalationRisk(Optional.empty());
    }

    /** The learned risk when a model is configured, the fallback otherwise. */
    public static EscalationRisk of(Optional<TextClassifier> model) {
        return model.map(EscalationRisk::learned).orElseGet(EscalationRisk::fallback);
    }

    public boolean isLearned() {
        return model.isPresent();
    }

    public RiskScore assess(String subject, String description, Frustration frustration) {
        return assess(subject, description, frustration, RiskContext.NONE);
    }

    /**
     * The risk of a ticket in its context. A learned model reads the text with the context's marker words (as it
     * was trained: {@link RiskContext#modelText}); the fallback reads the customer's history through the
     * frustration score, which already counts earlier contacts and escalations.
     */
    public RiskScore assess(String subject, String description, Frustration frustration, RiskContext context) {
        if (model.isPresent()) {
            TextClassifier classifier = model.get();
            String text = RiskContext.MARKERS.equals(classifier.metadata().get(RiskContext.METADATA_KEY))
                    ? context.modelText(subject, description) : TicketText.of(subject, description);
            double probability = classifier.classify(text).probabilityOf(ESCALATE);
            return new RiskScore(probability, RiskScore.Source.MODEL,
                    List.of(String.format(Locale.ROOT, "model: P(%s) = %.2f", ESCALATE, probability)));
        }
        Evidence evidence = new Evidence();
        List<String> reasons = new ArrayList<>();
        for (PhraseCues.Cue cue : CUES.findIn(TicketText.of(subject, description))) {
            evidence.add(cue.weight());
            reasons.add(cue.kind() + ": \"" + cue.phrase() + "\"");
        }
        if (frustration.score() > 0) {
            evidence.add(FRUSTRATION_SHARE * frustration.score());
            reasons.add(String.format(Locale.ROOT, "frustration %.2f", frustration.score()));
        }
        return new RiskScore(evidence.score(), RiskScore.Source.HEURISTIC, reasons);
    }
}
