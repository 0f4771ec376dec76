/**
 * The contact base: contacts and companies operators register callers in, the leads they produce,
 * do-not-call lists and consent, import and export.
 */
package org.switchboard.leads;
