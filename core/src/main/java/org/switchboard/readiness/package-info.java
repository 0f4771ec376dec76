/**
 * The bridge between the application's readiness check and WildFly's MicroProfile Health.
 *
 * <p>WildFly's health extension looks up {@code @Readiness} beans through a bean manager that sees the
 * EAR's {@code lib/} but not the beans inside the WAR, where all of Switchboard lives. So this one
 * package is packaged separately (core's {@code readiness} jar, placed in the EAR's {@code lib/}); the
 * WAR registers its real check here when it starts and removes it when it stops.
 */
package org.switchboard.readiness;
