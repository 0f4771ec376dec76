/**
 * API access: HTTP Basic authentication against the user table, throttling of repeated failures,
 * role checks from {@code @RolesAllowed} (an endpoint without any access annotation is closed), and the
 * {@link org.switchboard.core.security.Caller} that resources ask who is calling and what they may see.
 */
package org.switchboard.core.security;
