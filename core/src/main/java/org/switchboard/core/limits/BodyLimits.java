package org.switchboard.core.limits;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Bounds every request body the application reads: 1 MB unless the resource method (or its class) says otherwise
 * with {@link BodyLimit}. A declared Content-Length over the limit is refused before a byte is read; a chunked body
 * (or one that lies about its length) is counted as it is read and refused at the first byte over — either way the
 * caller gets a 413 problem naming the limit, and the resource method has not run or stops before it stores a row.
 * The declared length is checked before the caller is (anyone, signed in or not, whatever the roles, learns that the
 * body is too large rather than sending it); the counting happens where the body is read.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimits implements ReaderInterceptor, ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        BodyLimit declared = declared(resource == null ? null : resource.getResourceMethod());
        checkDeclaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH), limit(declared), name(declared));
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        BodyLimit declared = declared(resource == null ? null : resource.getResourceMethod());
        checkDeclaredLength(context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH), limit(declared), name(declared));
        context.setInputStream(new BoundedInputStream(context.getInputStream(), limit(declared), name(declared)));
        return context.proceed();
    }

    private static long limit(BodyLimit declared) {
        return declared == null ? Limits.JSON_BODY_BYTES : declared.value();
    }

    private static String name(BodyLimit declared) {
        return declared == null ? "request body" : declared.name();
    }

    private static void checkDeclaredLength(String length, long limit, String name) {
        if (length == null) {
            return;
        }
        try {
            if (Long.parseLong(length.trim()) > limit) {
                throw Limits.tooLarge(name, limit);
            }
        } catch (NumberFormatException e) {
            // the server refuses a malformed Content-Length itself; the bytes are counted anyway
        }
    }

    static BodyLimit declared(Method method) {
        if (method == null) {
            return null;
        }
        BodyLimit onMethod = method.getAnnotation(BodyLimit.class);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(BodyLimit.class);
    }
}
