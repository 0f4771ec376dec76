package org.switchboard.core.campaigns.entity;

/** What a campaign is for. */
public enum CampaignType {
    INBOUND_AD, OUTBOUND, SURVEY, AFTER_SALES
}
