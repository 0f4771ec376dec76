package org.switchboard.core.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.errors.Problems;

/**
 * Refuses a {@code multipart/*} body whose Content-Type names no boundary before the endpoint tries to read it (and
 * after the access check, so that a caller who may not use the endpoint learns nothing about it):
 * such a body cannot be split into its parts, and the runtime's reader would fail with an I/O error instead of
 * saying what is wrong.
 */
@Provider
@Priority(Priorities.USER)
public class MultipartBoundaryCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
            return;
        }
        String boundary = type.getParameters().get("boundary");
        if (boundary == null || boundary.isBlank() || boundary.length() > 70) {
            request.abortWith(Problems.toResponse(ProblemException.badRequest("A multipart body needs a boundary of 1 to"
                    + " 70 characters in its Content-Type, e.g. 'multipart/form-data; boundary=xyz' (RFC 2046); a"
                    + " browser's FormData or curl -F sets it for you")));
        }
    }
}
