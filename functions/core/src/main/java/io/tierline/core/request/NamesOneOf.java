package io.tierline.core.request;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** A body that must name at least one of some optional fields (a levels change names a level); the problem is "$". */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = NamesOneOf.Check.class)
public @interface NamesOneOf {
    /** Record components of which at least one must be given. */
    String[] value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<NamesOneOf, Record> {
        private List<String> names;

        @Override
        public void initialize(NamesOneOf namesOneOf) {
            names = List.of(namesOneOf.value());
        }

        @Override
        public boolean isValid(Record body, ConstraintValidatorContext context) {
            return body == null || Arrays.stream(body.getClass().getRecordComponents())
                    .filter(c -> names.contains(c.getName())).anyMatch(c -> valueOf(c, body) != null);
        }

        private static Object valueOf(RecordComponent component, Record body) {
            try {
                return component.getAccessor().invoke(body);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
