package io.tierline.core.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.tierline.core.validation.TextRules;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text on one line (a name, a subject, an address): no control character, no line break. Such values end up in
 * email headers, page titles and logs, where a line break would start a header of the sender's choosing.
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = OneLine.Check.class)
public @interface OneLine {
    String message() default "must be one line without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<OneLine, String> {
        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || TextRules.isOneLine(text);
        }
    }
}
