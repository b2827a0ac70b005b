package io.tierline.core.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.tierline.core.json.Json;
import io.tierline.core.validation.FieldError;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a request body's JSON binds to its record. Binding never stops at the first problem: a value of the wrong
 * type, an unknown field or an object where a text belongs is noted with its path (the field is left null) and the
 * rest is still read, so Bean Validation then adds its own findings and the client learns all that is wrong at once.
 * Text is trimmed; blank optional text counts as absent. Jackson's coercions (a number or true as text, "1" as true)
 * are off: each field takes exactly its JSON type.
 */
final class BodyModule extends SimpleModule {
    /** The attribute of one read that collects the problems found while binding. */
    static final String PROBLEMS = "tierline.binding-problems";

    BodyModule() {
        super("tierline-request-bodies");
        addDeserializer(String.class, new Text(false));
        addDeserializer(Boolean.class, new StrictBoolean());
        addDeserializer(Integer.class, new WholeNumber());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializationProblemHandler(new Problems());
    }

    static List<FieldError> problems(DeserializationContext ctxt) {
        @SuppressWarnings("unchecked")
        List<FieldError> problems = (List<FieldError>) ctxt.getAttribute(PROBLEMS);
        if (problems == null) {
            problems = new ArrayList<>();
            ctxt.setAttribute(PROBLEMS, problems);
        }
        return problems;
    }

    /** Notes the problem of the value the parser is at, skips that value, and leaves its field null. */
    static Object reject(DeserializationContext ctxt, JsonParser p, String problem) throws IOException {
        problems(ctxt).add(new FieldError(Json.path(p.getParsingContext().pathAsPointer()), problem));
        p.skipChildren();
        return null;
    }

    /** The problem a value of the wrong JSON type has, worded by what the field expects. */
    static String wrongType(Class<?> expected, boolean inArray) {
        if (expected == String.class) {
            return inArray ? "must be a non-blank string" : "must be a string";
        }
        if (expected == Boolean.class || expected == boolean.class) {
            return "must be true or false";
        }
        if (expected == Integer.class || expected == int.class || expected == Long.class || expected == long.class) {
            return "must be a whole number";
        }
        if (List.class.isAssignableFrom(expected)) {
            return "must be an array of strings";
        }
        if (expected.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    /** Text, trimmed. Blank is kept only where the field says {@link NotBlank} (it is then "must not be blank"). */
    static final class Text extends StdDeserializer<String> implements ContextualDeserializer {
        private final boolean keepBlank;

        Text(boolean keepBlank) {
            super(String.class);
            this.keepBlank = keepBlank;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean required = property != null && property.getAnnotation(NotBlank.class) != null;
            return required == keepBlank ? this : new Text(required);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) reject(ctxt, p, wrongType(String.class, p.getParsingContext().inArray()));
            }
            String text = p.getText().strip();
            return text.isEmpty() && !keepBlank ? null : text;
        }
    }

    /** JSON true or false, nothing else. */
    static final class StrictBoolean extends StdDeserializer<Boolean> {
        StrictBoolean() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isBoolean()) {
                return p.getBooleanValue();
            }
            return (Boolean) reject(ctxt, p, wrongType(Boolean.class, false));
        }
    }

    /**
     * JSON true or false, or the text a plain HTML form's radio buttons send for them ("yes"/"no", "true"/"false"),
     * for the few answers customers and agents give from a page as well as by JSON.
     */
    public static final class YesOrNo extends StdDeserializer<Boolean> {
        public YesOrNo() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isBoolean()) {
                return p.getBooleanValue();
            }
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                switch (p.getText().strip()) {
                    case "yes", "true" -> {
                        return true;
                    }
                    case "no", "false" -> {
                        return false;
                    }
                    case "" -> {
                        return null;
                    }
                    default -> {
                    }
                }
            }
            return (Boolean) reject(ctxt, p, "must be true or false (yes or no from a form)");
        }
    }

    /** JSON true or false; anything else reads as absent, for a field whose "is required" says what it takes. */
    public static final class BooleanOrAbsent extends StdDeserializer<Boolean> {
        public BooleanOrAbsent() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isBoolean()) {
                return p.getBooleanValue();
            }
            p.skipChildren();
            return null;
        }
    }

    /**
     * A whole number: JSON sends a number, a plain HTML form the same digits as text (blank is absent). Anything else
     * reads as {@link #INVALID}, which the field's range refuses with its own words ("from 1 to 5").
     */
    static final class WholeNumber extends StdDeserializer<Integer> {
        static final int INVALID = Integer.MIN_VALUE;

        WholeNumber() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : INVALID;
            }
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText().strip();
                return text.isEmpty() ? null : text.matches("[0-9]{1,9}") ? Integer.valueOf(text) : INVALID;
            }
            p.skipChildren();
            return INVALID;
        }
    }

    /**
     * A tier: a JSON number with a whole value (2 or 2.0), or the text "next" as {@link #NEXT}; anything else is
     * {@link #INVALID}. {@link TierChoice} decides which are allowed.
     */
    public static final class TierNumber extends StdDeserializer<Integer> {
        static final int INVALID = Integer.MIN_VALUE;
        static final int NEXT = Integer.MIN_VALUE + 1;

        public TierNumber() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isNumeric()) {
                double value = p.getDoubleValue();
                return value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE ? (int) value : INVALID;
            }
            if (p.hasToken(JsonToken.VALUE_STRING) && p.getText().equals("next")) {
                return NEXT;
            }
            p.skipChildren();
            return INVALID;
        }
    }

    /** Notes unknown fields and values of the wrong shape, and lets binding go on. */
    static final class Problems extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                             JsonDeserializer<?> deserializer, Object beanOrClass,
                                             String propertyName) throws IOException {
            reject(ctxt, p, "is not a known field");
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
                                            JsonParser p, String failureMsg) throws IOException {
            return reject(ctxt, p, wrongType(targetType.getRawClass(), p.getParsingContext().inArray()));
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                ValueInstantiator valueInsta, JsonParser p, String msg)
                throws IOException {
            return reject(ctxt, p, wrongType(instClass, false));
        }
    }
}
