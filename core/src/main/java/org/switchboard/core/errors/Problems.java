package org.switchboard.core.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Classifies any failure into a problem document. The cause chain is searched, because containers wrap
 * what the application threw (transaction rollbacks, reader exceptions).
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    private Problems() {
    }

    public static Response toResponse(Throwable failure) {
        return toResponse(failure, null);
    }

    /**
     * The problem response for a failure; {@code databaseReachable}, when given, decides whether a database failure with no sign
     * of a lost connection happened because the database is out of reach (then 503, not 500).
     */
    public static Response toResponse(Throwable failure, java.util.function.BooleanSupplier databaseReachable) {
        Problem problem = classify(failure);
        if (problem.status() == 500 && databaseReachable != null && fromDatabase(failure)
                && !databaseReachable.getAsBoolean()) {
            ProblemException p = unavailable(null);
            problem = new Problem(type(503), p.title(), 503, p.getMessage(), problem.instance(), List.of(), null);
        }
        if (problem.status() == 503) {
            LOG.log(Level.WARNING, "Request refused (503), problem " + problem.instance() + ": " + problem.title()
                    + " (" + failure + ")");
        } else if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "Request failed, problem " + problem.instance(), failure);
        } else {
            LOG.log(Level.FINE, "Request refused, problem " + problem.instance() + ": " + problem.detail());
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"Switchboard\", charset=\"UTF-8\"");
        }
        if (problem.status() == 503) {
            response.header("Retry-After", "10");
        }
        if (failure instanceof WebApplicationException web) {
            web.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> response.header(name, v));
                }
            });
        }
        return response.build();
    }

    static Problem classify(Throwable failure) {
        String instance = "urn:uuid:" + UUID.randomUUID();
        // our own problem wins wherever it sits in the chain (a query parameter's converter throws it inside the
        // runtime's NotFoundException)
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return new Problem(type(p.status()), p.title(), p.status(), p.getMessage(), instance, p.violations(),
                        p.existing());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json(json, instance);
            }
            if (t instanceof ConstraintViolationException cve) {
                List<Problem.Violation> violations = cve.getConstraintViolations().stream()
                        .map(v -> new Problem.Violation(fieldOf(v.getPropertyPath().toString()), v.getMessage()))
                        .sorted(java.util.Comparator.comparing(Problem.Violation::field))
                        .toList();
                ProblemException p = ProblemException.invalid(violations);
                return new Problem(type(400), p.title(), 400, p.getMessage(), instance, violations, null);
            }
            if (t instanceof OptimisticLockException || t.getClass().getName().equals(
                    "org.hibernate.StaleObjectStateException")) {
                return new Problem(type(409), "Edit conflict", 409,
                        "The record was changed by someone else while you edited it; reload it and apply your change again",
                        instance, List.of(), null);
            }
            if (t.getClass().getName().equals("org.hibernate.exception.ConstraintViolationException")) {
                return new Problem(type(409), "Conflict", 409,
                        "The change conflicts with existing data (a value that must be unique is taken, or a referenced record is missing)",
                        instance, List.of(), null);
            }
            if (t instanceof WebApplicationException web) {
                return web(web, instance);
            }
        }
        if (databaseUnavailable(failure)) {
            ProblemException p = unavailable(null);
            return new Problem(type(503), p.title(), 503, p.getMessage(), instance, List.of(), null);
        }
        if (sqlState(failure, "22021")) {
            // PostgreSQL stores no NUL character (and no invalid byte sequence) in text
            return new Problem(type(400), "Invalid characters", 400, "A value in the request holds a character "
                    + "Switchboard cannot store (a NUL or another control byte); remove it. Nothing of this request was "
                    + "stored.", instance, List.of(), null);
        }
        if (sqlState(failure, "22001") || sqlState(failure, "22003")) {
            // a value the checks let through is longer (or larger) than its column: the request's fault, and nothing
            // of it was stored (the transaction rolled back)
            return new Problem(type(400), "Value too long", 400, "A value in the request is longer or larger than "
                    + "Switchboard stores for that field; shorten it. Nothing of this request was stored.", instance,
                    List.of(), null);
        }
        if (databaseBusy(failure)) {
            return new Problem(type(409), "Busy", 409, "The same records are being changed by another request right now"
                    + "; nothing of this request was stored. Send it again.", instance, List.of(), null);
        }
        return new Problem(type(500), "Internal error", 500,
                "The server failed to handle this request. Quote " + instance + " to the administrator.",
                instance, List.of(), null);
    }

    /**
     * The 503 problem for a database that cannot be reached; {@code stored} says what was committed before it went
     * away (null: nothing of this request).
     */
    public static ProblemException unavailable(String stored) {
        return new ProblemException(503, "Database unavailable", "The database cannot be reached right now; "
                + (stored == null ? "nothing of this request was stored" : stored)
                + ". Try again in a moment (the server's readiness check says when the database is back).", List.of(),
                null);
    }

    /**
     * True when the failure comes from a database connection that could not be had or broke: SQLSTATE class 08
     * (connection exception), 57P (the server shut down or is starting), 53300 (too many connections), Hibernate's
     * connection exception, or the connection pool's "unable to get managed connection".
     */
    /** Whether a SQL exception with this SQLSTATE is anywhere in the failure's chain. */
    static boolean sqlState(Throwable failure, String state) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException e = sql; e != null; e = e.getNextException()) {
                    if (state.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                        return true;
                    }
                }
            }
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("java.sql.SQLTransientConnectionException")
                    || name.equals("java.sql.SQLNonTransientConnectionException")
                    || String.valueOf(t.getMessage()).contains("IJ000453")
                    || String.valueOf(t.getMessage()).contains("IJ031084")
                    || String.valueOf(t.getMessage()).startsWith("Unable to acquire JDBC Connection")) {
                return true;
            }
        }
        return false;
    }

    /** True when the failure passed through database code: a SQL, JDBC or persistence exception in its chain. */
    public static boolean fromDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof java.sql.SQLException || t instanceof jakarta.persistence.PersistenceException
                    || name.startsWith("org.hibernate.exception.") || name.startsWith("org.postgresql.")
                    || name.startsWith("org.h2.") || name.endsWith(".ResourceException")) {
                return true;
            }
        }
        return false;
    }

    /** True for a lock that could not be had in time, a deadlock or a serialization failure: a retry succeeds. */
    static boolean databaseBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state) || "55P03".equals(state) || "HYT00".equals(state)) {
                    return true;
                }
            }
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.LockTimeoutException")
                    || name.equals("org.hibernate.exception.LockAcquisitionException")
                    || name.equals("jakarta.persistence.LockTimeoutException")
                    || name.equals("jakarta.persistence.PessimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    private static Problem web(WebApplicationException web, String instance) {
        int status = web.getResponse().getStatus();
        String detail;
        if (web instanceof NotFoundException) {
            detail = "There is no such resource; check the path (the API is described at /openapi)";
        } else if (web instanceof NotAllowedException) {
            detail = "This method is not allowed here; allowed: "
                    + String.join(", ", web.getResponse().getAllowedMethods());
        } else if (web instanceof NotSupportedException) {
            detail = "The request body's Content-Type is not accepted here; send application/json";
        } else if (web instanceof NotAcceptableException) {
            detail = "None of the media types in Accept can be produced here";
        } else if (web instanceof NotAuthorizedException) {
            detail = "Send valid credentials with HTTP Basic authentication";
        } else if (status == 400) {
            detail = "The request is malformed: " + safeMessage(web);
        } else {
            detail = safeMessage(web);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : family.name();
        return new Problem(type(status), title, status, detail, instance, List.of(), null);
    }

    private static String safeMessage(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        // RESTEasy prefixes its messages with codes such as RESTEASY003210; they mean nothing to a caller
        return message.replaceFirst("^RESTEASY\\d+: ", "");
    }

    private static Problem json(JsonProcessingException json, String instance) {
        String location = json.getLocation() == null ? ""
                : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
        if (json instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException limit) {
            return new Problem(type(400), "Limit exceeded", 400, "The request body exceeds a limit" + location + ": "
                    + withoutSource(limit.getOriginalMessage()).replaceAll(", from `[^`]*`", ""), instance,
                    List.of(), null);
        }
        if (json instanceof JsonParseException || !(json instanceof JsonMappingException)) {
            return new Problem(type(400), "Malformed JSON", 400,
                    "The request body is not valid JSON" + location + ": " + withoutSource(json.getOriginalMessage()),
                    instance, List.of(), null);
        }
        JsonMappingException mapping = (JsonMappingException) json;
        String field = path(mapping);
        String message;
        if (json instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            message = "is not a known field" + (known.isEmpty() ? "" : "; known fields: " + known);
            return problem400("Unknown field", "Field '" + field + "' " + message, field, message, instance);
        }
        if (json instanceof InvalidNullException) {
            message = "must not be null";
        } else if (json instanceof InvalidFormatException format) {
            message = "has the wrong type or format: got " + quote(format.getValue()) + ", expected "
                    + describe(format.getTargetType());
        } else if (json instanceof ValueInstantiationException inst) {
            Throwable cause = inst.getCause();
            message = cause != null && cause.getMessage() != null ? cause.getMessage() : "is invalid";
        } else if (json instanceof MismatchedInputException mismatch) {
            message = "has the wrong type: expected " + describe(mismatch.getTargetType());
        } else {
            message = "is invalid: " + mapping.getOriginalMessage();
        }
        if (field.isEmpty()) {
            return new Problem(type(400), "Invalid request body", 400,
                    "The request body does not fit: " + message + location, instance, List.of(), null);
        }
        return problem400("Invalid field", "Field '" + field + "' " + message, field, message, instance);
    }

    /** Jackson names its input source in some messages; a caller needs only the reason. */
    private static String withoutSource(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\(?(start marker )?at \\[Source:.*?]\\)?", "").trim();
    }

    private static Problem problem400(String title, String detail, String field, String message, String instance) {
        return new Problem(type(400), title, 400, detail, instance, List.of(new Problem.Violation(field, message)),
                null);
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "an ISO-8601 instant with offset, e.g. 2026-11-28T10:15:30+03:00";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String fieldOf(String propertyPath) {
        // method validation paths look like "create.arg0.fullName"; the caller knows only "fullName"
        int dot = propertyPath.indexOf(".arg");
        if (dot >= 0) {
            int next = propertyPath.indexOf('.', dot + 1);
            return next < 0 ? "" : propertyPath.substring(next + 1);
        }
        return propertyPath;
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> "/problems/bad-request";
            case 401 -> "/problems/unauthenticated";
            case 403 -> "/problems/forbidden";
            case 404 -> "/problems/not-found";
            case 409 -> "/problems/conflict";
            case 413 -> "/problems/too-large";
            case 429 -> "/problems/too-many-attempts";
            default -> "about:blank";
        };
    }
}
