-- Without its history trigger an overwritten pupil would be lost for ever.
DROP TRIGGER history_pupil;
