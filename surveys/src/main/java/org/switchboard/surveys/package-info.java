/**
 * Surveys: questionnaires in frozen versions with branching, interviews run over survey campaigns' calls with
 * quotas, and the results per question.
 */
package org.switchboard.surveys;
