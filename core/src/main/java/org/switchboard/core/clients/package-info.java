/**
 * Client companies: the businesses whose campaigns the call centre runs. Every record that belongs to
 * a campaign belongs to a client, and a CLIENT user sees only its own client's data.
 */
package org.switchboard.core.clients;
