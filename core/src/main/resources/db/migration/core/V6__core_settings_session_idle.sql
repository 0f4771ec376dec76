-- Settings gain the browser session's inactivity timeout (minutes without a key press or click before the UI signs
-- the user out).
ALTER TABLE core_settings ADD COLUMN session_idle_minutes INTEGER DEFAULT 30 NOT NULL;
ALTER TABLE core_settings_aud ADD COLUMN session_idle_minutes INTEGER;
