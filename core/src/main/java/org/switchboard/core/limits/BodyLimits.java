package org.switchboard.core.limits;

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
 */
@Provider
public class BodyLimits implements ReaderInterceptor {

    @Context
    ResourceInfo resource;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        BodyLimit declared = declared(resource == null ? null : resource.getResourceMethod());
        long limit = declared == null ? Limits.JSON_BODY_BYTES : declared.value();
        String name = declared == null ? "request body" : declared.name();
        String length = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    throw Limits.tooLarge(name, limit);
                }
            } catch (NumberFormatException e) {
                // the server refuses a malformed Content-Length itself; count the bytes anyway
            }
        }
        context.setInputStream(new BoundedInputStream(context.getInputStream(), limit, name));
        return context.proceed();
    }

    static BodyLimit declared(Method method) {
        if (method == null) {
            return null;
        }
        BodyLimit onMethod = method.getAnnotation(BodyLimit.class);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(BodyLimit.class);
    }
}
