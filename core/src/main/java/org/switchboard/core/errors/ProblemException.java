package org.switchboard.core.errors;

import java.util.List;

/**
 * A failure the caller can fix, with the HTTP status it maps to. Thrown from controls and resources;
 * turned into a problem document by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;
    private final transient Object existing;

    public ProblemException(int status, String title, String detail, List<Problem.Violation> violations,
            Object existing) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.existing = existing;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail, List.of(), null);
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        String detail = violations.size() == 1
                ? "Field '" + violations.get(0).field() + "' " + violations.get(0).message()
                : violations.size() + " fields are invalid; see violations";
        return new ProblemException(400, "Validation failed", detail, violations, null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of(), null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of(), null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of(), null);
    }

    /** A conflict with an existing record the caller may want to follow, e.g. a duplicate. */
    public static ProblemException conflict(String detail, Object existing) {
        return new ProblemException(409, "Conflict", detail, List.of(), existing);
    }

    /** The caller edited a version of a record that someone else has changed since. */
    public static ProblemException staleVersion(String what, long sent, long current) {
        return new ProblemException(409, "Edit conflict", what + " was changed by someone else (you sent version "
                + sent + ", the current version is " + current + "); reload it and apply your change again",
                List.of(), null);
    }

    /**
     * Optimistic locking at the API: an edit must send the {@code version} it read, and that version must still
     * be the current one — otherwise someone else's change would be overwritten.
     */
    public static void requireVersion(String what, Long sent, long current) {
        if (sent == null) {
            throw invalid("version", "is required: send the version you read, so no one's change is overwritten");
        }
        if (sent != current) {
            throw staleVersion(what, sent, current);
        }
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Object existing() {
        return existing;
    }
}
