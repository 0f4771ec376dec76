/**
 * Loyalty calls after the sale: birthday, holiday, event and follow-up rules that turn into call-list
 * tasks, with offers that redeem once.
 */
package org.switchboard.aftersales;
