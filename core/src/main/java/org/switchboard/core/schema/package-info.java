/**
 * The schema comes only from Flyway migrations: core first, then each module in dependency order, each
 * with its own location and history table. After migrating, the mapping is validated against the
 * schema; a mismatch stops the deployment.
 */
package org.switchboard.core.schema;
