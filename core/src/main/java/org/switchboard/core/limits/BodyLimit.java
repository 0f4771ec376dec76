package org.switchboard.core.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most bytes a resource method reads from its request body, instead of {@link Limits#JSON_BODY_BYTES}. Put on a
 * method (or its class) that takes an upload. {@link BodyLimits} enforces it for declared and chunked bodies alike.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    /** Bytes. */
    long value();

    /** What the limit is called in the problem a caller gets, e.g. "import upload". */
    String name();
}
