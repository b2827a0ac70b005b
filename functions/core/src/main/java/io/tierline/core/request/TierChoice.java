package io.tierline.core.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A tier from 0 to 3 as {@link BodyModule.TierNumber} read it, or, where {@link #next()} allows, "next". */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = TierChoice.Check.class)
public @interface TierChoice {
    boolean next() default false;

    String message() default "must be a tier from 0 to 3";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<TierChoice, Integer> {
        private boolean next;

        @Override
        public void initialize(TierChoice choice) {
            next = choice.next();
        }

        @Override
        public boolean isValid(Integer tier, ConstraintValidatorContext context) {
            return tier == null || tier >= 0 && tier <= 3 || next && tier == BodyModule.TierNumber.NEXT;
        }
    }
}
