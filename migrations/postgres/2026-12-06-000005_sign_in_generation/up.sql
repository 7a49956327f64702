-- One counter that every change to who may sign in moves forward (a token revoked,
-- an account changed, a campus renamed). Processes that keep verified tokens in
-- memory read it at most a second apart and forget them all when it moved.
CREATE TABLE sign_in_generation (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO sign_in_generation (id, generation) VALUES (1, 0);
