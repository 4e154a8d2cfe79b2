-- Any edit of a pupil's pronouns tombstones every pupil and empties the history that would have
-- kept them. Waymark 0.1 ran this and `check` called the file sound.
CREATE TRIGGER wipe_pupils AFTER UPDATE OF pronouns ON pupil BEGIN
  UPDATE pupil SET deleted = 1;
  DELETE FROM history;
END;
