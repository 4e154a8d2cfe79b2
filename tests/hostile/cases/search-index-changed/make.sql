-- The feedback's search index made again another way: stemmed, and holding its own copy of the
-- words, so that what a search finds need not be what the feedback says.
DROP TABLE search_feedback;
CREATE VIRTUAL TABLE search_feedback USING fts5(what_went_well, even_better_if, next_step, pupil_response,
                                                tokenize='porter');
INSERT INTO search_feedback(rowid, next_step) VALUES (1, 'Nothing the feedback says.');
