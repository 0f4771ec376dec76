package org.switchboard.core.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Exception mappers. JAX-RS picks the mapper of the nearest exception class, and the JSON provider ships
 * its own for some Jackson exceptions, so each family that might meet a built-in mapper gets its own
 * here; all of them answer through {@link Problems}.
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class AnyFailure implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable failure) {
            return Problems.toResponse(failure, AnyFailure::databaseReachable);
        }

        private static boolean databaseReachable() {
            try {
                return jakarta.enterprise.inject.spi.CDI.current().select(org.switchboard.core.health.DatabaseProbe.class)
                        .get().reachable();
            } catch (RuntimeException noContainer) {
                return true;
            }
        }
    }

    @Provider
    public static class Application implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException failure) {
            return Problems.toResponse(failure);
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException failure) {
            return Problems.toResponse(failure);
        }
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException failure) {
            return Problems.toResponse(failure);
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException failure) {
            return Problems.toResponse(failure);
        }
    }

    @Provider
    public static class JsonSyntax implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException failure) {
            return Problems.toResponse(failure);
        }
    }

    @Provider
    public static class UnknownField implements ExceptionMapper<UnrecognizedPropertyException> {
        @Override
        public Response toResponse(UnrecognizedPropertyException failure) {
            return Problems.toResponse(failure);
        }
    }

    @Provider
    public static class WrongFormat implements ExceptionMapper<InvalidFormatException> {
        @Override
        public Response toResponse(InvalidFormatException failure) {
            return Problems.toResponse(failure);
        }
    }

    @Provider
    public static class WrongType implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException failure) {
            return Problems.toResponse(failure);
        }
    }

    @Provider
    public static class BadValue implements ExceptionMapper<ValueInstantiationException> {
        @Override
        public Response toResponse(ValueInstantiationException failure) {
            return Problems.toResponse(failure);
        }
    }
}
