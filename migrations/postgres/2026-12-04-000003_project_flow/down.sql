ALTER TABLE cursus DROP COLUMN translations;
DROP TABLE xp_levels;
DROP TABLE xp_events;
DROP TABLE grading_jobs;
DROP TABLE blobs;
DROP TABLE submissions;
DROP TABLE active_registrations;
DROP TABLE team_members;
DROP TABLE teams;
