-- Aliases, and the journal that lets tend undo its latest changes.
--
-- aliases are the names someone is also called by ("mum"), a JSON array of
-- text, matched like names.
ALTER TABLE people ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';

-- One row per change a command made (an add, a log, an edit, an import),
-- newest last, with the words that say what it did. Undo takes the newest
-- and puts the data back as it was before it; a change undone is removed.
-- Only the latest changes are kept (store.KeepChanges).
--
-- The rows a change adds to people, interactions and memories are not
-- recorded one by one (an import adds a million): they are the rows whose
-- rowid is above the table's largest when the change began, the marks
-- kept here. Undo deletes them, and what hangs from them goes with them.
CREATE TABLE changes (
	seq               INTEGER PRIMARY KEY AUTOINCREMENT,
	at                TEXT NOT NULL,
	description       TEXT NOT NULL,
	people_mark       INTEGER NOT NULL,
	interactions_mark INTEGER NOT NULL,
	memories_mark     INTEGER NOT NULL
);

-- The rows a change updated or deleted, and the rows it added to the two
-- tables without rowids under rows it did not add, in the order it touched
-- them: the table, the row's key (its id, or a JSON array of the columns
-- of its primary key), its rowid where it has one, and the row as it was
-- before, a JSON object of its columns, or NULL when the change added it.
-- Undo walks them backwards, so a row touched twice ends as it was first.
CREATE TABLE change_rows (
	change_seq INTEGER NOT NULL REFERENCES changes (seq) ON DELETE CASCADE,
	tbl        TEXT NOT NULL,
	key        TEXT NOT NULL,
	row_id     INTEGER,
	before     TEXT
);

CREATE INDEX change_rows_change ON change_rows (change_seq);

-- While a change is being written, its number and marks are the one row
-- of this table, inside the change's own transaction, so no other
-- connection ever sees it. The triggers below record into change_rows
-- only then: writes made outside a change (a migration, undo itself) are
-- not journaled.
CREATE TABLE change_open (
	seq               INTEGER NOT NULL,
	people_mark       INTEGER NOT NULL,
	interactions_mark INTEGER NOT NULL,
	memories_mark     INTEGER NOT NULL
);

-- The triggers that record each row's before-image. A row the change
-- itself added (above the mark) needs none. people.last_real_at is left
-- out: triggers derive it from the interactions, and put it right again
-- when undo restores them.

CREATE TRIGGER journal_people_update AFTER UPDATE OF id, name, name_key, tier, every_days, birthday, phones, emails, tags, notes, created_at, updated_at, archived_at, snoozed_until, aliases ON people
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'people', OLD.id, OLD.rowid, json_object('id', OLD.id, 'name', OLD.name, 'name_key', OLD.name_key, 'tier', OLD.tier, 'every_days', OLD.every_days, 'birthday', OLD.birthday, 'phones', OLD.phones, 'emails', OLD.emails, 'tags', OLD.tags, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'archived_at', OLD.archived_at, 'snoozed_until', OLD.snoozed_until, 'aliases', OLD.aliases) FROM change_open o
	WHERE OLD.rowid <= o.people_mark;
END;

CREATE TRIGGER journal_people_delete AFTER DELETE ON people
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'people', OLD.id, OLD.rowid, json_object('id', OLD.id, 'name', OLD.name, 'name_key', OLD.name_key, 'tier', OLD.tier, 'every_days', OLD.every_days, 'birthday', OLD.birthday, 'phones', OLD.phones, 'emails', OLD.emails, 'tags', OLD.tags, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'archived_at', OLD.archived_at, 'snoozed_until', OLD.snoozed_until, 'aliases', OLD.aliases) FROM change_open o
	WHERE OLD.rowid <= o.people_mark;
END;

CREATE TRIGGER journal_interactions_update AFTER UPDATE OF id, via, direction, at, minutes, note, created_at, missed ON interactions
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'interactions', OLD.id, OLD.rowid, json_object('id', OLD.id, 'via', OLD.via, 'direction', OLD.direction, 'at', OLD.at, 'minutes', OLD.minutes, 'note', OLD.note, 'created_at', OLD.created_at, 'missed', OLD.missed) FROM change_open o
	WHERE OLD.rowid <= o.interactions_mark;
END;

CREATE TRIGGER journal_interactions_delete AFTER DELETE ON interactions
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'interactions', OLD.id, OLD.rowid, json_object('id', OLD.id, 'via', OLD.via, 'direction', OLD.direction, 'at', OLD.at, 'minutes', OLD.minutes, 'note', OLD.note, 'created_at', OLD.created_at, 'missed', OLD.missed) FROM change_open o
	WHERE OLD.rowid <= o.interactions_mark;
END;

CREATE TRIGGER journal_memories_update AFTER UPDATE OF id, person_id, text, due, done_at, created_at ON memories
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'memories', OLD.id, OLD.rowid, json_object('id', OLD.id, 'person_id', OLD.person_id, 'text', OLD.text, 'due', OLD.due, 'done_at', OLD.done_at, 'created_at', OLD.created_at) FROM change_open o
	WHERE OLD.rowid <= o.memories_mark;
END;

CREATE TRIGGER journal_memories_delete AFTER DELETE ON memories
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'memories', OLD.id, OLD.rowid, json_object('id', OLD.id, 'person_id', OLD.person_id, 'text', OLD.text, 'due', OLD.due, 'done_at', OLD.done_at, 'created_at', OLD.created_at) FROM change_open o
	WHERE OLD.rowid <= o.memories_mark;
END;

CREATE TRIGGER journal_interaction_people_insert AFTER INSERT ON interaction_people
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'interaction_people', json_array(NEW.interaction_id, NEW.person_id), NULL, NULL FROM change_open o
	WHERE coalesce((SELECT rowid FROM interactions WHERE id = NEW.interaction_id), 0) <= o.interactions_mark;
END;

CREATE TRIGGER journal_interaction_people_update AFTER UPDATE OF interaction_id, person_id, at, real ON interaction_people
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'interaction_people', json_array(OLD.interaction_id, OLD.person_id), NULL, json_object('interaction_id', OLD.interaction_id, 'person_id', OLD.person_id, 'at', OLD.at, 'real', OLD.real) FROM change_open o
	WHERE coalesce((SELECT rowid FROM interactions WHERE id = OLD.interaction_id), 0) <= o.interactions_mark;
END;

CREATE TRIGGER journal_interaction_people_delete AFTER DELETE ON interaction_people
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'interaction_people', json_array(OLD.interaction_id, OLD.person_id), NULL, json_object('interaction_id', OLD.interaction_id, 'person_id', OLD.person_id, 'at', OLD.at, 'real', OLD.real) FROM change_open o
	WHERE coalesce((SELECT rowid FROM interactions WHERE id = OLD.interaction_id), 0) <= o.interactions_mark;
END;

CREATE TRIGGER journal_important_dates_insert AFTER INSERT ON important_dates
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'important_dates', json_array(NEW.person_id, NEW.label, NEW.date), NULL, NULL FROM change_open o
	WHERE coalesce((SELECT rowid FROM people WHERE id = NEW.person_id), 0) <= o.people_mark;
END;

CREATE TRIGGER journal_important_dates_update AFTER UPDATE OF person_id, label, date ON important_dates
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'important_dates', json_array(OLD.person_id, OLD.label, OLD.date), NULL, json_object('person_id', OLD.person_id, 'label', OLD.label, 'date', OLD.date) FROM change_open o
	WHERE coalesce((SELECT rowid FROM people WHERE id = OLD.person_id), 0) <= o.people_mark;
END;

CREATE TRIGGER journal_important_dates_delete AFTER DELETE ON important_dates
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'important_dates', json_array(OLD.person_id, OLD.label, OLD.date), NULL, json_object('person_id', OLD.person_id, 'label', OLD.label, 'date', OLD.date) FROM change_open o
	WHERE coalesce((SELECT rowid FROM people WHERE id = OLD.person_id), 0) <= o.people_mark;
END;
