-- Counters that move forward with every change of one kind, so that processes keeping
-- derived answers in memory know when to forget them: `sign_in` (a token revoked, an
-- account changed) and `catalog` (a catalog sync that changed something). Processes
-- read them at most a second apart.
CREATE TABLE generations (
    name TEXT PRIMARY KEY NOT NULL,
    generation BIGINT NOT NULL
);
INSERT INTO generations (name, generation) VALUES ('sign_in', 0), ('catalog', 0);
