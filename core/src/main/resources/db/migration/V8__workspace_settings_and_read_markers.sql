-- Schema 8: what the caseworker workspace keeps per workstation profile.
-- settings: small named values of this profile (e.g. the unit's staff room), never secrets.
CREATE TABLE workstation_settings (
    setting_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(2000) NOT NULL
);
-- read_markers: until when this workstation has shown each citizen room (unread = citizen messages after it).
CREATE TABLE read_markers (
    room_id    VARCHAR(255) NOT NULL PRIMARY KEY,
    seen_until BIGINT       NOT NULL
);
