package org.switchboard.core.events;

/**
 * The schema is migrated, the mapping validated and a first start seeded: modules may now bring their own data up to
 * date (reporting copies its read model again after an upgrade that added facts to it). Fired once per start.
 */
public record SchemaReady() {
}
