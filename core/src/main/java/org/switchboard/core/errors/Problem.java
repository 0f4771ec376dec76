package org.switchboard.core.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of every error response (RFC 9457), plus {@code violations} for field errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations, Object existing) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that must change: its JSON path and what is wrong with it. */
    public record Violation(String field, String message) {
    }
}
