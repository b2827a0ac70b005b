package io.tierline.core.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A trained ticket text classifier: hashed n-gram TF-IDF features scored by one-vs-rest logistic regression. Inference
 * is a sparse dot product over the saved weights, so the Lambda needs no machine-learning library; training lives in
 * {@code tools/classifier}. Immutable and safe to share between threads.
 */
public final class TextClassifier {

    /** Class-path location of the bundled default model (ticket category, trained on the Endava tickets). */
    public static final String BUNDLED_CATEGORY_MODEL = "/io/tierline/model/default-category.model.gz";
    /** Metadata key of a renamed model's original label codes. */
    public static final String LABEL_CODES = "labelCodes";

    private final TextFeatures features;
    private final FeatureSpace space;
    private final LinearWeights weights;
    private final List<String> labels;
    private final Map<String, String> metadata;

    public TextClassifier(TextFeatures features, FeatureSpace space, LinearWeights weights, List<String> labels,
                          Map<String, String> metadata) {
        if (labels.size() != weights.classes()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + weights.classes() + " classes");
        }
        if (weights.columns() != space.size()) {
            throw new IllegalArgumentException(weights.columns() + " weight columns for " + space.size() + " features");
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels must be distinct: " + labels);
        }
        this.features = features;
        this.space = space;
        this.weights = weights;
        this.labels = List.copyOf(labels);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public static TextClassifier load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return load(in);
        }
    }

    /** Reads a model written by {@link #save(OutputStream)}; does not close {@code in}. */
    public static TextClassifier load(InputStream in) throws IOException {
        return ModelFile.read(in);
    }

    /** The default category model shipped inside the core jar, if this build bundles one. */
    public static Optional<TextClassifier> bundledCategoryModel() {
        try (InputStream in = TextClassifier.class.getResourceAsStream(BUNDLED_CATEGORY_MODEL)) {
            return in == null ? Optional.empty() : Optional.of(load(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled model " + BUNDLED_CATEGORY_MODEL + " is unreadable", e);
        }
    }

    public void save(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            save(out);
        }
    }

    /** Writes the model; does not close {@code out}. */
    public void save(OutputStream out) throws IOException {
        ModelFile.write(this, out);
    }

    public Classification classify(String subject, String description) {
        return classify(TicketText.of(subject, description));
    }

    public Classification classify(String text) {
        double[] probabilities = weights.probabilities(space.vectorize(features.count(text)));
        List<Prediction> ranked = new ArrayList<>(labels.size());
        for (int c = 0; c < labels.size(); c++) {
            ranked.add(new Prediction(labels.get(c), probabilities[c]));
        }
        ranked.sort(Comparator.comparingDouble(Prediction::confidence).reversed());
        return new Classification(ranked);
    }

    public Prediction predict(String subject, String description) {
        return classify(subject, description).best();
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * The same model with its labels renamed (code to name), e.g. a data set's numeric category codes to words, so
     * that what it predicts means something on a ticket; every label needs a name. The metadata keeps the codes
     * ({@code labelCodes}: name=code,...).
     */
    public TextClassifier withLabelNames(Map<String, String> names) {
        List<String> unnamed = labels.stream().filter(label -> !names.containsKey(label)).toList();
        if (!unnamed.isEmpty()) {
            throw new IllegalArgumentException("no name for the label(s) " + unnamed);
        }
        List<String> renamed = labels.stream().map(names::get).toList();
        Map<String, String> described = new LinkedHashMap<>(metadata);
        described.put(LABEL_CODES, IntStream.range(0, labels.size())
                .mapToObj(i -> renamed.get(i) + "=" + labels.get(i)).collect(Collectors.joining(",")));
        return new TextClassifier(features, space, weights, renamed, described);
    }

    /** How the model was trained (data, settings, held-out figures), as the training tool recorded it. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** How many hashed n-gram buckets the model weighs (those frequent enough in training). */
    public int featureCount() {
        return space.size();
    }

    public TextFeatures features() {
        return features;
    }

    FeatureSpace space() {
        return space;
    }

    LinearWeights weights() {
        return weights;
    }
}
