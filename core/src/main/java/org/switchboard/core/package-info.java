/**
 * The shared kernel of Switchboard: people and roles, client companies, call-centre settings,
 * the module SPI every feature module implements, schema migration, errors, audit and health.
 * Feature modules depend on this package and on nothing else.
 */
package org.switchboard.core;
