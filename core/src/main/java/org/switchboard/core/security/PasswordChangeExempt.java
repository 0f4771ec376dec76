package org.switchboard.core.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint a user who must change their password may still use: reading who they are, changing the password,
 * signing out. {@link AccessFilter} answers every other one 403 until the password is changed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PasswordChangeExempt {
}
