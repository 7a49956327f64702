DROP TABLE sign_in_generation;
