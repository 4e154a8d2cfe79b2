-- Waymark schema version 1. Every shared entity has the columns that %ENTITY% stands for:
-- an integer key for joins, a UUID for sharing, a hybrid-logical-clock stamp, the device that wrote
-- it last, and a tombstone flag (shared rows are never deleted). Uniqueness rules hold among live rows
-- only (partial indexes WHERE deleted = 0), so a tombstone never blocks adding the same thing again.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value
) WITHOUT ROWID;

CREATE TABLE school (
    %ENTITY%,
    name     TEXT NOT NULL,
    urn      TEXT NOT NULL DEFAULT '',
    la_code  TEXT NOT NULL DEFAULT '',
    estab    TEXT NOT NULL DEFAULT '',
    phase    TEXT NOT NULL DEFAULT 'secondary' CHECK (phase IN ('primary', 'secondary', 'all_through', 'special'))
);

CREATE TABLE staff (
    %ENTITY%,
    title         TEXT NOT NULL DEFAULT '',
    given_name    TEXT NOT NULL DEFAULT '',
    family_name   TEXT NOT NULL DEFAULT '',
    display_name  TEXT NOT NULL,
    email         TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE subject (
    %ENTITY%,
    name  TEXT NOT NULL,
    code  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE pupil (
    %ENTITY%,
    upn                    TEXT NOT NULL DEFAULT '',
    legal_given_name       TEXT NOT NULL,
    legal_middle_names     TEXT NOT NULL DEFAULT '',
    legal_family_name      TEXT NOT NULL,
    preferred_given_name   TEXT NOT NULL DEFAULT '',
    preferred_family_name  TEXT NOT NULL DEFAULT '',
    pronouns               TEXT NOT NULL DEFAULT '',
    date_of_birth          TEXT,
    sex                    TEXT NOT NULL DEFAULT '',
    year_group             INTEGER,
    sen_status             TEXT NOT NULL DEFAULT 'none' CHECK (sen_status IN ('none', 'sen_support', 'ehc_plan')),
    pupil_premium          INTEGER NOT NULL DEFAULT 0,
    fsm                    INTEGER NOT NULL DEFAULT 0,
    eal                    INTEGER NOT NULL DEFAULT 0,
    looked_after           INTEGER NOT NULL DEFAULT 0,
    gifted                 INTEGER NOT NULL DEFAULT 0,
    young_carer            INTEGER NOT NULL DEFAULT 0,
    review_flagged         INTEGER NOT NULL DEFAULT 0,
    review_interval_days   INTEGER NOT NULL DEFAULT 0,
    learning_guide_id      INTEGER REFERENCES staff(id),
    started_on             TEXT,
    left_on                TEXT,
    notes                  TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX pupil_upn ON pupil(upn) WHERE upn <> '' AND deleted = 0;
CREATE INDEX pupil_name ON pupil(legal_family_name, legal_given_name);
CREATE INDEX pupil_guide ON pupil(learning_guide_id);

CREATE TABLE pupil_group (
    %ENTITY%,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('class', 'set', 'tutor')),
    subject_id     INTEGER REFERENCES subject(id),
    year_group     INTEGER,
    academic_year  INTEGER NOT NULL,
    teacher_id     INTEGER REFERENCES staff(id)
);
CREATE INDEX pupil_group_year ON pupil_group(academic_year, kind, name);

CREATE TABLE group_member (
    %ENTITY%,
    group_id  INTEGER NOT NULL REFERENCES pupil_group(id),
    pupil_id  INTEGER NOT NULL REFERENCES pupil(id)
);
CREATE UNIQUE INDEX group_member_unique ON group_member(group_id, pupil_id) WHERE deleted = 0;
CREATE INDEX group_member_pupil ON group_member(pupil_id);

CREATE TABLE learning_plan (
    %ENTITY%,
    pupil_id    INTEGER NOT NULL REFERENCES pupil(id),
    strengths   TEXT NOT NULL DEFAULT '',
    needs       TEXT NOT NULL DEFAULT '',
    strategies  TEXT NOT NULL DEFAULT '',
    provision   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX learning_plan_pupil ON learning_plan(pupil_id) WHERE deleted = 0;

CREATE TABLE target (
    %ENTITY%,
    pupil_id         INTEGER NOT NULL REFERENCES pupil(id),
    subject_id       INTEGER REFERENCES subject(id),
    area             TEXT NOT NULL DEFAULT '',
    text             TEXT NOT NULL,
    success_measure  TEXT NOT NULL DEFAULT '',
    support          TEXT NOT NULL DEFAULT '',
    set_on           TEXT,
    review_by        TEXT,
    status           TEXT NOT NULL DEFAULT 'active'
                     CHECK (status IN ('active', 'achieved', 'partly_achieved', 'not_achieved', 'discontinued')),
    agreed_with      TEXT NOT NULL DEFAULT '',
    position         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX target_pupil ON target(pupil_id, position);

CREATE TABLE review (
    %ENTITY%,
    pupil_id      INTEGER NOT NULL REFERENCES pupil(id),
    kind          TEXT NOT NULL DEFAULT 'half_termly' CHECK (kind IN ('half_termly', 'annual', 'transition')),
    due_on        TEXT,
    held_on       TEXT,
    reviewer_id   INTEGER REFERENCES staff(id),
    status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'draft', 'final')),
    pupil_voice   TEXT NOT NULL DEFAULT '',
    parent_voice  TEXT NOT NULL DEFAULT '',
    summary       TEXT NOT NULL DEFAULT '',
    snapshot      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_pupil ON review(pupil_id, due_on);

CREATE TABLE review_outcome (
    %ENTITY%,
    review_id  INTEGER NOT NULL REFERENCES review(id),
    target_id  INTEGER NOT NULL REFERENCES target(id),
    outcome    TEXT NOT NULL
               CHECK (outcome IN ('active', 'achieved', 'partly_achieved', 'not_achieved', 'discontinued')),
    note       TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX review_outcome_unique ON review_outcome(review_id, target_id) WHERE deleted = 0;

CREATE TABLE scale (
    %ENTITY%,
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    builtin      INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX scale_code ON scale(code) WHERE deleted = 0;

CREATE TABLE rung (
    %ENTITY%,
    scale_id    INTEGER NOT NULL REFERENCES scale(id),
    position    INTEGER NOT NULL,
    code        TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    descriptor  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rung_scale ON rung(scale_id, position);

CREATE TABLE task (
    %ENTITY%,
    group_id            INTEGER REFERENCES pupil_group(id),
    subject_id          INTEGER REFERENCES subject(id),
    title               TEXT NOT NULL,
    learning_intention  TEXT NOT NULL DEFAULT '',
    set_on              TEXT,
    scale_id            INTEGER REFERENCES scale(id),
    set_by_id           INTEGER REFERENCES staff(id)
);
CREATE INDEX task_group ON task(group_id, set_on);

CREATE TABLE success_criterion (
    %ENTITY%,
    task_id   INTEGER NOT NULL REFERENCES task(id),
    position  INTEGER NOT NULL DEFAULT 0,
    text      TEXT NOT NULL
);
CREATE INDEX success_criterion_task ON success_criterion(task_id, position);

CREATE TABLE evidence (
    %ENTITY%,
    pupil_id        INTEGER NOT NULL REFERENCES pupil(id),
    task_id         INTEGER REFERENCES task(id),
    subject_id      INTEGER REFERENCES subject(id),
    target_id       INTEGER REFERENCES target(id),
    kind            TEXT NOT NULL CHECK (kind IN ('observation', 'work_sample', 'feedback', 'self_assessment',
                                                  'peer_assessment', 'quiz', 'conversation')),
    recorded_on     TEXT NOT NULL,
    recorded_by_id  INTEGER REFERENCES staff(id),
    note            TEXT NOT NULL DEFAULT '',
    light           TEXT NOT NULL DEFAULT '' CHECK (light IN ('', 'red', 'amber', 'green')),
    self_light      TEXT NOT NULL DEFAULT '' CHECK (self_light IN ('', 'red', 'amber', 'green')),
    peer_light      TEXT NOT NULL DEFAULT '' CHECK (peer_light IN ('', 'red', 'amber', 'green')),
    rung_id         INTEGER REFERENCES rung(id)
);
CREATE INDEX evidence_pupil ON evidence(pupil_id, recorded_on);
CREATE INDEX evidence_task ON evidence(task_id);
CREATE INDEX evidence_target ON evidence(target_id) WHERE target_id IS NOT NULL;

CREATE TABLE criterion_judgement (
    %ENTITY%,
    evidence_id   INTEGER NOT NULL REFERENCES evidence(id),
    criterion_id  INTEGER NOT NULL REFERENCES success_criterion(id),
    judgement     TEXT NOT NULL CHECK (judgement IN ('not_yet', 'partly', 'met'))
);
CREATE UNIQUE INDEX criterion_judgement_unique ON criterion_judgement(evidence_id, criterion_id) WHERE deleted = 0;

CREATE TABLE feedback (
    %ENTITY%,
    evidence_id       INTEGER NOT NULL REFERENCES evidence(id),
    what_went_well    TEXT NOT NULL DEFAULT '',
    even_better_if    TEXT NOT NULL DEFAULT '',
    next_step         TEXT NOT NULL DEFAULT '',
    pupil_response    TEXT NOT NULL DEFAULT '',
    responded_on      TEXT
);
CREATE UNIQUE INDEX feedback_evidence ON feedback(evidence_id) WHERE deleted = 0;

-- Attachment content is addressed by its SHA-256 and stored once, however many records use it.
CREATE TABLE attachment (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    size        INTEGER NOT NULL,
    media_type  TEXT NOT NULL DEFAULT 'application/octet-stream',
    data        BLOB NOT NULL
);

CREATE TABLE evidence_attachment (
    %ENTITY%,
    evidence_id  INTEGER NOT NULL REFERENCES evidence(id),
    sha256       TEXT NOT NULL REFERENCES attachment(sha256),
    file_name    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_attachment_evidence ON evidence_attachment(evidence_id);

CREATE TABLE comment_bank (
    %ENTITY%,
    category    TEXT NOT NULL CHECK (category IN ('what_went_well', 'even_better_if', 'next_step')),
    subject_id  INTEGER REFERENCES subject(id),
    text        TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE calendar_half_term (
    %ENTITY%,
    academic_year  INTEGER NOT NULL,
    number         INTEGER NOT NULL CHECK (number BETWEEN 1 AND 6),
    start_on       TEXT NOT NULL,
    end_on         TEXT NOT NULL
);
CREATE UNIQUE INDEX calendar_half_term_unique ON calendar_half_term(academic_year, number) WHERE deleted = 0;

CREATE TABLE calendar_closure (
    %ENTITY%,
    from_on  TEXT NOT NULL,
    to_on    TEXT NOT NULL,
    kind     TEXT NOT NULL DEFAULT 'closure' CHECK (kind IN ('inset', 'bank_holiday', 'closure')),
    label    TEXT NOT NULL DEFAULT ''
);

-- Every overwritten version of a shared row, as JSON: nothing anyone typed is lost.
CREATE TABLE history (
    id           INTEGER PRIMARY KEY,
    entity       TEXT NOT NULL,
    entity_uuid  TEXT NOT NULL,
    hlc          INTEGER NOT NULL,
    origin       TEXT NOT NULL,
    replaced_at  INTEGER NOT NULL,
    old_row      TEXT NOT NULL
);
CREATE INDEX history_entity ON history(entity, entity_uuid);
