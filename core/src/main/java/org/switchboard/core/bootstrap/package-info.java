/**
 * The first start on an empty database: an {@code admin} account with the password from
 * {@code SWITCHBOARD_ADMIN_PASSWORD}, or, when that is unset, a demo installation with one user per role.
 */
package org.switchboard.core.bootstrap;
