package org.switchboard.core.events;

/**
 * The call-centre settings or a campaign's threshold overrides changed, inside the changing transaction.
 * {@code campaign} is the code of the campaign whose overrides changed, or null when the settings did;
 * {@code zoneChanged} says the call-centre time zone moved, so every day boundary moved with it.
 */
public record SettingsChanged(String campaign, boolean zoneChanged) {
}
