ALTER TABLE pupil ADD COLUMN secret TEXT;
DROP INDEX evidence_live;
