package io.tierline.core.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.tierline.core.ticket.TicketId;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A ticket id as {@link TicketId#isValid} knows it. */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = TicketIdFormat.Check.class)
public @interface TicketIdFormat {
    String message() default "must be a ticket id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<TicketIdFormat, String> {
        @Override
        public boolean isValid(String id, ConstraintValidatorContext context) {
            return id == null || TicketId.isValid(id);
        }
    }
}
