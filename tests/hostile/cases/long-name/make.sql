-- A trigger with a 10,000-character name: messages must stay short.
CREATE TABLE names(n);
INSERT INTO names VALUES (printf('%.*c', 10000, 'z'));
SELECT writefile('@DIR@/long-name.sql', 'CREATE TRIGGER "' || n || '" AFTER INSERT ON staff BEGIN SELECT 1; END;') FROM names;
DROP TABLE names;
.read @DIR@/long-name.sql
