package org.switchboard.core.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.switchboard.core.errors.ProblemException;

/** Validates request bodies with Bean Validation; any violation becomes a 400 listing every field. */
@ApplicationScoped
public class Checks {

    @Inject
    Validator validator;

    public <T> T valid(T body) {
        if (body == null) {
            throw ProblemException.badRequest("The request needs a JSON body");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
