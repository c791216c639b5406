-- Each person's latest interactions, kept in one short row that triggers
-- bring up to date on every write, so that today, list and plan read one row
-- per person instead of searching each one's history: their cost follows the
-- number of people, however long the history grows. (Searching the indexes
-- per person, as before, read a few pages of two indexes and of the
-- interactions table for each person: two seconds at 10,000 people and a
-- million interactions.)
--
-- recent holds the latest 5 interactions (cadence.RecentCount) and
-- recent_real the latest 8 real conversations (cadence.RealCount), newest
-- first (ties by interaction id, newest first, as every read of history
-- orders them), as a JSON array of [at in Unix seconds, via, direction,
-- interaction id].
-- last_in is the latest interaction they started. A person with no
-- interaction has no row. TestHistoryQueryPlans ties the numbers here to
-- cadence's, and TestPersonHistoryTracksEveryWrite checks every trigger
-- against the whole timeline.
--
-- The insert of an interaction, the write tend makes all day long, updates
-- the row in place. Every other write that touches history (rare: deleting
-- a person, an import correcting or merging records) asks for the row to
-- be rebuilt from the indexes, by writing the person's id into
-- person_history_rebuild, so that the rebuilding is written once.

-- WITHOUT ROWID, so the rows are stored in person id order and today reads
-- them in one pass beside the people, in the same order. Rows stay well
-- under the kilobyte an index b-tree page holds before spilling to overflow
-- pages (with tend's 26-character ids), which is why times are Unix seconds.
CREATE TABLE person_history (
	person_id   TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
	recent      TEXT NOT NULL,
	recent_real TEXT NOT NULL,
	last_in_at  TEXT,
	last_in_via TEXT,
	last_in_id  TEXT
) WITHOUT ROWID;

-- What ranking reads of each active person, in id order, beside their row
-- of person_history: with it, today reads two b-trees from end to end in the
-- same order instead of seeking each person's row in the people table.
-- (archived_at, always NULL here, is in it so that nothing is read from the
-- table.)
CREATE INDEX people_cadence ON people (id, name, tier, every_days, birthday, created_at, snoozed_until, archived_at)
	WHERE archived_at IS NULL;

-- The open memories with a day to come back on, which ranking reads for
-- everyone, in the order it reads them: without it, every memory ever
-- written is read and sorted.
CREATE INDEX memories_open_due ON memories (due, created_at) WHERE done_at IS NULL AND due IS NOT NULL;

-- Writing a person's id here rebuilds their row of person_history from the
-- (person_id, at) and (person_id, real, at) indexes: a handful of rows for
-- the lists, and their interactions newest first until the latest they
-- started. CROSS JOIN keeps SQLite from walking all interactions instead.
-- Only an existing row is rebuilt (an update needs no check of the person,
-- who may be being deleted at that very moment), and a row left with no
-- interaction is dropped. The table stays empty: the trigger takes each id
-- out again.
CREATE TABLE person_history_rebuild (person_id TEXT NOT NULL);

CREATE TRIGGER person_history_rebuilt AFTER INSERT ON person_history_rebuild
BEGIN
	UPDATE person_history SET
		recent = (SELECT json_group_array(json(e) ORDER BY at DESC, id DESC) FROM (
			SELECT ip.at AS at, ip.interaction_id AS id, json_array(unixepoch(ip.at), i.via, i.direction, ip.interaction_id) AS e
			FROM interaction_people ip CROSS JOIN interactions i ON i.id = ip.interaction_id
			WHERE ip.person_id = NEW.person_id
			ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT 5)),
		recent_real = (SELECT json_group_array(json(e) ORDER BY at DESC, id DESC) FROM (
			SELECT ip.at AS at, ip.interaction_id AS id, json_array(unixepoch(ip.at), i.via, i.direction, ip.interaction_id) AS e
			FROM interaction_people ip CROSS JOIN interactions i ON i.id = ip.interaction_id
			WHERE ip.person_id = NEW.person_id AND ip.real = 1
			ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT 8)),
		(last_in_at, last_in_via, last_in_id) = (
			SELECT ip.at, i.via, ip.interaction_id
			FROM interaction_people ip CROSS JOIN interactions i ON i.id = ip.interaction_id
			WHERE ip.person_id = NEW.person_id AND i.direction = 'in'
			ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT 1)
	WHERE person_id = NEW.person_id;

	DELETE FROM person_history WHERE person_id = NEW.person_id AND recent = '[]';
	DELETE FROM person_history_rebuild WHERE rowid = NEW.rowid;
END;

-- A new row in interaction_people. This is the path of every `tend log` and
-- of every interaction an import writes, so it reads no index of history at
-- all (a big import drops those indexes while it writes): the new entry is
-- merged into the short lists as they are. The common case, an entry newer
-- than all of them, is a prepend; an older one that still belongs in a list
-- is merged and the list sorted again; anything older leaves them alone.
CREATE TRIGGER person_history_insert AFTER INSERT ON interaction_people
BEGIN
	INSERT INTO person_history (person_id, recent, recent_real)
	SELECT NEW.person_id, '[]', '[]'
	WHERE NOT EXISTS (SELECT 1 FROM person_history WHERE person_id = NEW.person_id);

	UPDATE person_history SET
		recent = CASE
			WHEN recent = '[]' OR (unixepoch(NEW.at), NEW.interaction_id) > (recent ->> '$[0][0]', recent ->> '$[0][3]') THEN
				json_remove('[' || (SELECT json_array(unixepoch(NEW.at), i.via, i.direction, NEW.interaction_id) FROM interactions i WHERE i.id = NEW.interaction_id)
					|| iif(recent = '[]', ']', ',' || substr(recent, 2)), '$[5]')
			WHEN json_array_length(recent) < 5 OR (unixepoch(NEW.at), NEW.interaction_id) > (recent ->> '$[#-1][0]', recent ->> '$[#-1][3]') THEN
				(SELECT json_group_array(json(e) ORDER BY e ->> 0 DESC, e ->> 3 DESC) FROM (
					SELECT e FROM (
						SELECT value AS e FROM json_each(recent)
						UNION ALL
						SELECT json_array(unixepoch(NEW.at), i.via, i.direction, NEW.interaction_id) FROM interactions i WHERE i.id = NEW.interaction_id)
					ORDER BY e ->> 0 DESC, e ->> 3 DESC LIMIT 5))
			ELSE recent END,
		recent_real = CASE
			WHEN NEW.real = 0 THEN recent_real
			WHEN recent_real = '[]' OR (unixepoch(NEW.at), NEW.interaction_id) > (recent_real ->> '$[0][0]', recent_real ->> '$[0][3]') THEN
				json_remove('[' || (SELECT json_array(unixepoch(NEW.at), i.via, i.direction, NEW.interaction_id) FROM interactions i WHERE i.id = NEW.interaction_id)
					|| iif(recent_real = '[]', ']', ',' || substr(recent_real, 2)), '$[8]')
			WHEN json_array_length(recent_real) < 8 OR (unixepoch(NEW.at), NEW.interaction_id) > (recent_real ->> '$[#-1][0]', recent_real ->> '$[#-1][3]') THEN
				(SELECT json_group_array(json(e) ORDER BY e ->> 0 DESC, e ->> 3 DESC) FROM (
					SELECT e FROM (
						SELECT value AS e FROM json_each(recent_real)
						UNION ALL
						SELECT json_array(unixepoch(NEW.at), i.via, i.direction, NEW.interaction_id) FROM interactions i WHERE i.id = NEW.interaction_id)
					ORDER BY e ->> 0 DESC, e ->> 3 DESC LIMIT 8))
			ELSE recent_real END
	WHERE person_id = NEW.person_id;

	UPDATE person_history SET
		last_in_at = NEW.at,
		last_in_via = (SELECT via FROM interactions WHERE id = NEW.interaction_id),
		last_in_id = NEW.interaction_id
	WHERE person_id = NEW.person_id
		AND (SELECT direction FROM interactions WHERE id = NEW.interaction_id) = 'in'
		AND (last_in_at IS NULL OR (NEW.at, NEW.interaction_id) > (last_in_at, last_in_id));
END;

-- A row gone (a person deleted, an import correcting or merging): nothing
-- to do unless it is in the lists or is their latest message. (The quoted
-- id is looked for in the JSON text; a false match only costs a rebuild.)
CREATE TRIGGER person_history_delete AFTER DELETE ON interaction_people
BEGIN
	INSERT INTO person_history_rebuild (person_id)
	SELECT person_id FROM person_history
	WHERE person_id = OLD.person_id AND (last_in_id = OLD.interaction_id
		OR instr(recent, json_quote(OLD.interaction_id)) > 0 OR instr(recent_real, json_quote(OLD.interaction_id)) > 0);
END;

-- A row changed (its person, time or kind; only an import merging two ids
-- does this): both people are rebuilt.
CREATE TRIGGER person_history_update AFTER UPDATE ON interaction_people
BEGIN
	INSERT INTO person_history (person_id, recent, recent_real)
	SELECT NEW.person_id, '[]', '[]'
	WHERE NOT EXISTS (SELECT 1 FROM person_history WHERE person_id = NEW.person_id);

	INSERT INTO person_history_rebuild (person_id) VALUES (OLD.person_id);
	INSERT INTO person_history_rebuild (person_id) SELECT NEW.person_id WHERE NEW.person_id IS NOT OLD.person_id;
END;

-- An interaction's channel or direction changed (an import correcting a
-- record, which then writes its people again): everyone in it is rebuilt.
CREATE TRIGGER person_history_interaction AFTER UPDATE OF via, direction ON interactions
WHEN OLD.via IS NOT NEW.via OR OLD.direction IS NOT NEW.direction
BEGIN
	INSERT INTO person_history_rebuild (person_id)
	SELECT person_id FROM interaction_people WHERE interaction_id = NEW.id;
END;

-- Everyone's row, for a database that already has history.
INSERT INTO person_history (person_id, recent, recent_real)
SELECT DISTINCT person_id, '[]', '[]' FROM interaction_people;
INSERT INTO person_history_rebuild (person_id) SELECT person_id FROM person_history;
