package io.tierline.core.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.tierline.core.validation.TextRules;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Text that may span lines (a reply, a description): tab, CR and LF are its only control characters. */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {
    String message() default "must not contain control characters but tab and line breaks";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<PlainText, String> {
        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || TextRules.isPlainText(text);
        }
    }
}
