CREATE VIEW roll AS SELECT upn, legal_family_name FROM pupil;
