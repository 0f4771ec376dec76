/**
 * The people who use Switchboard: accounts with roles, operators' telephony extensions and teams,
 * client users bound to their client company, and the passwords they log in with.
 */
package org.switchboard.core.people;
