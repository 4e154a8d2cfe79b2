-- A version-1 file whose subject table gained a column whose name carries SQL: the old history
-- trigger builder pasted column names into the trigger it made.
ALTER TABLE subject ADD COLUMN "a"" IS NOT NEW.a; END; ATTACH '@DIR@/canary.db' AS c; CREATE TABLE c.t(x); --" TEXT;
