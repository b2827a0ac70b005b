package io.tierline.core.request;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tierline.core.json.Json;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.constraints.CodePointLength;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Binds a request body (the JSON of the API and the intake queue, or a form post read into the same shape) to its
 * record with Jackson and checks it with Bean Validation. Every problem is reported, not only the first: binding
 * problems (wrong type, unknown field) and constraint violations together, one per field, in the order of the
 * record's fields, each named by its JSON path ("requester.email", "tags[2]"; "$" for the body as a whole).
 */
public final class RequestBinder {
    private static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .registerModule(new BodyModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Which of a field's problems is reported when it has several: the first, as a person would check them. */
    private static final List<Class<? extends Annotation>> FIRST_PROBLEMS = List.of(NotNull.class, NotBlank.class,
            CodePointLength.class, Size.class, OneLine.class, PlainText.class);

    private RequestBinder() {
    }

    /** The valid body, or an {@link InvalidInputException} with every problem. */
    public static <T> T read(JsonNode json, Class<T> type, Origin origin) {
        return bind(json, type, origin).valid();
    }

    /**
     * The body as far as it binds, with its problems so far, for a caller that adds checks of its own (a team the
     * policy document must know) before {@link Bound#valid()}.
     */
    public static <T> Bound<T> bind(JsonNode json, Class<T> type, Origin origin) {
        List<FieldError> problems = new ArrayList<>();
        if (json == null || !json.isObject()) {
            problems.add(new FieldError("$", "must be a JSON object"));
            return new Bound<>(type, empty(type), problems);
        }
        T body;
        try {
            body = MAPPER.readerFor(type).withAttribute(BodyModule.PROBLEMS, problems).readValue(json);
        } catch (JsonMappingException e) {
            // a shape the handlers do not recover from (say "" for an object): named, and the rest left unread
            problems.add(new FieldError(path(e), BodyModule.wrongType(target(e), false)));
            return new Bound<>(type, empty(type), problems);
        } catch (IOException e) {
            throw new IllegalStateException("reading a JSON tree cannot fail on input", e);
        }
        problems.addAll(validate(body, origin));
        return new Bound<>(type, body, problems);
    }

    private static <T> List<FieldError> validate(T body, Origin origin) {
        Set<ConstraintViolation<T>> violations = new HashSet<>(Validators.VALIDATOR.validate(body));
        if (body instanceof Conditional conditional && conditional.requires(origin)) {
            violations.addAll(Validators.VALIDATOR.validate(body, Conditional.WhenRequired.class));
        }
        return violations.stream()
                .sorted(Comparator.comparingInt(RequestBinder::rank))
                .map(v -> new FieldError(path(v.getPropertyPath()), v.getMessage()))
                .toList();
    }

    private static int rank(ConstraintViolation<?> violation) {
        int rank = FIRST_PROBLEMS.indexOf(violation.getConstraintDescriptor().getAnnotation().annotationType());
        return rank < 0 ? FIRST_PROBLEMS.size() : rank;
    }

    /** A Bean Validation path ("requester.email", "tags[1].<list element>") as a field path ("tags[1]"). */
    public static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                out.append(out.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    /** The path of a Jackson mapping problem ("requester.name", "tags[1]"). */
    public static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference at : e.getPath()) {
            if (at.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(at.getFieldName());
            } else if (at.getIndex() >= 0) {
                out.append('[').append(at.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    /** The problem of a Jackson mapping failure, worded by the type the field expects. */
    public static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        return BodyModule.wrongType(target(e), false);
    }

    private static Class<?> target(JsonMappingException e) {
        return e instanceof MismatchedInputException m && m.getTargetType() != null
                ? m.getTargetType() : Object.class;
    }

    /** The record with every field absent, for a body that did not bind: checks that follow see no value. */
    private static <T> T empty(Class<T> type) {
        try {
            return MAPPER.readerFor(type).readValue(MAPPER.createObjectNode());
        } catch (IOException e) {
            throw new IllegalStateException(type + " does not bind from {}", e);
        }
    }

    /** The place of a field path in the record's own order, so problems read top to bottom as the fields do. */
    private static List<Integer> order(Class<?> type, String path) {
        if (path.equals("$")) {
            return List.of(Integer.MAX_VALUE); // the body as a whole is checked after its fields
        }
        List<Integer> place = new ArrayList<>();
        Type current = type;
        for (String segment : path.split("\\.|(?=\\[)")) {
            if (segment.startsWith("[")) {
                place.add(Integer.parseInt(segment.substring(1, segment.length() - 1)));
                current = current instanceof ParameterizedType list ? list.getActualTypeArguments()[0] : Object.class;
                continue;
            }
            Class<?> raw = current instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                    : current instanceof Class<?> c ? c : Object.class;
            RecordComponent[] components = raw.isRecord() ? raw.getRecordComponents() : new RecordComponent[0];
            int index = -1; // an unknown field: reported first, as it was found first
            for (int i = 0; i < components.length; i++) {
                if (jsonName(components[i]).equals(segment)) {
                    index = i;
                    current = components[i].getGenericType();
                }
            }
            place.add(index);
            if (index < 0) {
                current = Object.class;
            }
        }
        return place;
    }

    /** The component's name in JSON ("public" for {@code isPublic}). */
    public static String jsonName(RecordComponent component) {
        // @JsonProperty does not target record components; Java keeps it on the field the component declares
        JsonProperty renamed;
        try {
            renamed = component.getDeclaringRecord().getDeclaredField(component.getName())
                    .getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** A body as far as it bound, and what is wrong with it so far. */
    public static final class Bound<T> {
        private final Class<T> type;
        private final T body;
        private final List<FieldError> problems;

        private Bound(Class<T> type, T body, List<FieldError> problems) {
            this.type = type;
            this.body = body;
            this.problems = problems;
        }

        /** The body as bound: a field with a problem is null. Never null itself. */
        public T get() {
            return body;
        }

        /** Adds a problem of the caller's own (a cross-reference the body cannot check alone). */
        public void check(boolean ok, String field, String problem) {
            if (!ok) {
                problems.add(new FieldError(field, problem));
            }
        }

        /** The body, or an {@link InvalidInputException} with every problem: one per field, in the fields' order. */
        public T valid() {
            if (problems.isEmpty()) {
                return body;
            }
            Map<String, FieldError> first = new LinkedHashMap<>();
            problems.forEach(p -> first.putIfAbsent(p.field(), p));
            List<FieldError> ordered = new ArrayList<>(first.values());
            ordered.sort((a, b) -> compare(order(type, a.field()), order(type, b.field())));
            throw new InvalidInputException(ordered);
        }
    }

    /** Built once per function instance, on first use; messages are plain text, so no expression language. */
    private static final class Validators {
        static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }
}
