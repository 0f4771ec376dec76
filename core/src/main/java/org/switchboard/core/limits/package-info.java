/**
 * Bounded input: the size a request body may have (one limit for every endpoint, a larger one where a method says
 * so), the limits of uploaded spreadsheets and the problem a caller gets when a limit is passed.
 */
package org.switchboard.core.limits;
