package io.tierline.core.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.tierline.core.ticket.Codes;
import io.tierline.core.validation.TextRules;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;

/**
 * The wire code of one of the domain's enums ("on-hold"), as {@link Codes#parse} reads it. The messages list the
 * codes, which an annotation's constant message cannot, so they are built here.
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = Code.Check.class)
public @interface Code {
    /** The enum whose codes are accepted. */
    Class<? extends Enum<?>> value();

    /** Missing, null and blank are all "is required: (the codes)", so a caller never meets a null it did not allow. */
    boolean required() default false;

    /** When not empty, only these codes of the enum are accepted (an escalation by hand is never "automatic"). */
    String[] only() default {};

    String message() default "must be one of the codes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Code, String> {
        private Class<? extends Enum<?>> type;
        private boolean required;
        private List<String> only;

        @Override
        public void initialize(Code code) {
            type = code.value();
            required = code.required();
            only = Arrays.asList(code.only());
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            if (code == null || code.isBlank()) {
                return !required || refuse(context, "is required: " + expected());
            }
            // Codes.parse trims control characters away; a code is one line, as any text that names something
            if (!TextRules.isOneLine(code)) {
                return refuse(context, "must be one line without control characters");
            }
            Enum<?> value;
            try {
                value = parse(type, code);
            } catch (IllegalArgumentException e) {
                return refuse(context, e.getMessage());
            }
            return only.isEmpty() || only.contains(Codes.of(value)) || refuse(context, "must be " + expected());
        }

        private String expected() {
            return only.isEmpty() ? "one of " + allowed(type) : String.join(" or ", only);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Enum<?> parse(Class<? extends Enum<?>> type, String code) {
            return Codes.parse((Class) type, code);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static String allowed(Class<? extends Enum<?>> type) {
            return Codes.allowed((Class) type);
        }

        static boolean refuse(ConstraintValidatorContext context, String message) {
            context.disableDefaultConstraintViolation();
            // the message is literal text, not a template: braces and dollars are escaped
            context.buildConstraintViolationWithTemplate(message.replaceAll("([\\\\{}$])", "\\\\$1"))
                    .addConstraintViolation();
            return false;
        }
    }
}
