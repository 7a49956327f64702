DROP TABLE cursus_projects;
DROP TABLE cursus;
DROP TABLE project_subjects;
DROP TABLE project_versions;
DROP TABLE projects;
