-- A call that did not connect. It is not a conversation (its row of
-- interaction_people is never real), but it is not nothing: yours is you
-- trying, theirs is them reaching out. Ranking tells it apart in each
-- person's short lists, so the entries of person_history gain a fifth
-- element, the missed flag (0 or 1): [Unix seconds, via, direction,
-- interaction id, missed].
--
-- The triggers that build those entries are made again here, written for
-- SQLite 3.37 (json_extract, an ordered subquery under json_group_array,
-- strftime('%s')), and they replace any earlier version of them. Every
-- row of person_history is then rebuilt in the new shape.
ALTER TABLE interactions ADD COLUMN missed INTEGER NOT NULL DEFAULT 0 CHECK (missed IN (0, 1));

DROP TRIGGER IF EXISTS person_history_rebuilt;
DROP TRIGGER IF EXISTS person_history_insert;
DROP TRIGGER IF EXISTS person_history_interaction;

CREATE TRIGGER person_history_rebuilt AFTER INSERT ON person_history_rebuild
BEGIN
	UPDATE person_history SET
		recent = (SELECT json_group_array(json(e)) FROM (
			SELECT json_array(CAST(strftime('%s', ip.at) AS INTEGER), i.via, i.direction, ip.interaction_id, i.missed) AS e
			FROM interaction_people ip CROSS JOIN interactions i ON i.id = ip.interaction_id
			WHERE ip.person_id = NEW.person_id
			ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT 5)),
		recent_real = (SELECT json_group_array(json(e)) FROM (
			SELECT json_array(CAST(strftime('%s', ip.at) AS INTEGER), i.via, i.direction, ip.interaction_id, i.missed) AS e
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

-- A new row in interaction_people (every `tend log`, every interaction an
-- import writes): the new entry is merged into the short lists as they are,
-- reading no index of history. The common case, an entry newer than all of
-- them, is a prepend; an older one that still belongs in a list is merged
-- and the list sorted again; anything older leaves them alone. (The last
-- entry is found by its index, json_array_length - 1.)
CREATE TRIGGER person_history_insert AFTER INSERT ON interaction_people
BEGIN
	INSERT INTO person_history (person_id, recent, recent_real)
	SELECT NEW.person_id, '[]', '[]'
	WHERE NOT EXISTS (SELECT 1 FROM person_history WHERE person_id = NEW.person_id);

	UPDATE person_history SET
		recent = CASE
			WHEN recent = '[]' OR (CAST(strftime('%s', NEW.at) AS INTEGER), NEW.interaction_id)
					> (json_extract(recent, '$[0][0]'), json_extract(recent, '$[0][3]')) THEN
				json_remove('[' || (SELECT json_array(CAST(strftime('%s', NEW.at) AS INTEGER), i.via, i.direction, NEW.interaction_id, i.missed)
						FROM interactions i WHERE i.id = NEW.interaction_id)
					|| iif(recent = '[]', ']', ',' || substr(recent, 2)), '$[5]')
			WHEN json_array_length(recent) < 5 OR (CAST(strftime('%s', NEW.at) AS INTEGER), NEW.interaction_id)
					> (json_extract(recent, '$[' || (json_array_length(recent) - 1) || '][0]'),
						json_extract(recent, '$[' || (json_array_length(recent) - 1) || '][3]')) THEN
				(SELECT json_group_array(json(e)) FROM (
					SELECT e FROM (
						SELECT value AS e FROM json_each(recent)
						UNION ALL
						SELECT json_array(CAST(strftime('%s', NEW.at) AS INTEGER), i.via, i.direction, NEW.interaction_id, i.missed)
						FROM interactions i WHERE i.id = NEW.interaction_id)
					ORDER BY json_extract(e, '$[0]') DESC, json_extract(e, '$[3]') DESC LIMIT 5))
			ELSE recent END,
		recent_real = CASE
			WHEN NEW.real = 0 THEN recent_real
			WHEN recent_real = '[]' OR (CAST(strftime('%s', NEW.at) AS INTEGER), NEW.interaction_id)
					> (json_extract(recent_real, '$[0][0]'), json_extract(recent_real, '$[0][3]')) THEN
				json_remove('[' || (SELECT json_array(CAST(strftime('%s', NEW.at) AS INTEGER), i.via, i.direction, NEW.interaction_id, i.missed)
						FROM interactions i WHERE i.id = NEW.interaction_id)
					|| iif(recent_real = '[]', ']', ',' || substr(recent_real, 2)), '$[8]')
			WHEN json_array_length(recent_real) < 8 OR (CAST(strftime('%s', NEW.at) AS INTEGER), NEW.interaction_id)
					> (json_extract(recent_real, '$[' || (json_array_length(recent_real) - 1) || '][0]'),
						json_extract(recent_real, '$[' || (json_array_length(recent_real) - 1) || '][3]')) THEN
				(SELECT json_group_array(json(e)) FROM (
					SELECT e FROM (
						SELECT value AS e FROM json_each(recent_real)
						UNION ALL
						SELECT json_array(CAST(strftime('%s', NEW.at) AS INTEGER), i.via, i.direction, NEW.interaction_id, i.missed)
						FROM interactions i WHERE i.id = NEW.interaction_id)
					ORDER BY json_extract(e, '$[0]') DESC, json_extract(e, '$[3]') DESC LIMIT 8))
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

-- An interaction's channel, direction or missed flag changed (an import
-- correcting a record, which then writes its people again): everyone in it
-- is rebuilt.
CREATE TRIGGER person_history_interaction AFTER UPDATE OF via, direction, missed ON interactions
WHEN OLD.via IS NOT NEW.via OR OLD.direction IS NOT NEW.direction OR OLD.missed IS NOT NEW.missed
BEGIN
	INSERT INTO person_history_rebuild (person_id)
	SELECT person_id FROM interaction_people WHERE interaction_id = NEW.id;
END;

-- Everyone's row again, in the new shape.
INSERT INTO person_history_rebuild (person_id) SELECT person_id FROM person_history;
