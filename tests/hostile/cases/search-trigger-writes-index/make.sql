-- Waymark's search trigger for evidence, rewritten to empty the index on any change instead of
-- noting the row for the storage layer: a trigger Waymark did not write.
DROP TRIGGER search_evidence_update;
CREATE TRIGGER search_evidence_update AFTER UPDATE ON evidence BEGIN
  INSERT INTO search_evidence(search_evidence) VALUES ('delete-all');
END;
