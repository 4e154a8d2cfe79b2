-- Waymark's own trigger, rewritten to throw the old version away instead of keeping it.
DROP TRIGGER history_target;
CREATE TRIGGER history_target AFTER UPDATE ON target BEGIN DELETE FROM history; END;
