/**
 * Evidence integrity: the tamper trail of every manual change that touches evidence or the figures (who, when,
 * what, before and after), readable by the client whose campaigns it concerns, and the service provider
 * interfaces through which modules share what they know about evidence (a lead's backing, a day's record hash).
 */
package org.switchboard.core.integrity;
