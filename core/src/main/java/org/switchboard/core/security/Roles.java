package org.switchboard.core.security;

/** Role names as constants for {@code @RolesAllowed}, which needs compile-time strings. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String OPERATOR = "OPERATOR";
    public static final String MARKETER = "MARKETER";
    public static final String CLIENT = "CLIENT";

    private Roles() {
    }
}
