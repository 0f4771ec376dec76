/**
 * Computer-assisted telephone interviewing: questionnaires with branching, survey campaigns over call
 * lists, answers, quotas and results.
 */
package org.switchboard.surveys;
