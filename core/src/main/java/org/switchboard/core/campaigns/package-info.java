/**
 * Campaigns: the unit a client pays for (an ad campaign's inbound line, an outbound list, a survey, an
 * after-sales programme). They live in core because every module and every report needs "which client
 * does this campaign belong to"; the calls module adds operators, call lists and thresholds on top.
 */
package org.switchboard.core.campaigns;
