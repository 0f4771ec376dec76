/**
 * Typed CDI events modules fire and observe, so that no module depends on another's classes
 * (reporting counts leads through {@link org.switchboard.core.events.LeadCreated}).
 */
package org.switchboard.core.events;
