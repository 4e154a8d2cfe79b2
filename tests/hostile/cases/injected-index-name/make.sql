-- An index whose name is SQL, and one of control characters and a right-to-left override, so that
-- a message naming it could be made to lie.
CREATE INDEX "i""; ATTACH '@DIR@/canary.db' AS c; --" ON pupil(upn);
CREATE INDEX "evil
name‮gnp.exe" ON staff(email);
