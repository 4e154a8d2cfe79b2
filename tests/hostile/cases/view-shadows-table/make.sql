-- The subject table is replaced by a view of the same name that reads from elsewhere.
CREATE TABLE subject_real AS SELECT * FROM subject;
DROP TABLE subject;
CREATE VIEW subject AS SELECT * FROM subject_real;
