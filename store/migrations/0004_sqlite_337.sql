-- Every schema object readable by SQLite 3.37 and later (Debian 12's
-- sqlite3, Ubuntu 22.04's, Python's bundled module), so that people can
-- open their data with the tools they have: the triggers of migrations
-- 0002 and 0003 used unixepoch() and the ->> operator (SQLite 3.38) and
-- ORDER BY inside json_group_array (3.44), which make older readers refuse
-- the whole schema. They are made again, doing the same:
--
--   - unixepoch(x) is CAST(strftime('%s', x) AS INTEGER);
--   - x ->> path is json_extract(x, path), which returns the same SQL
--     value for the numbers and strings these lists hold;
--   - json_group_array(... ORDER BY ...) reads a subquery that is already
--     in that order, with its LIMIT (which keeps SQLite from flattening it
--     into the aggregate), and SQLite aggregates rows in the order the
--     subquery yields them.
--
-- The JSON entries keep their shape: [at in Unix seconds, via, direction,
-- interaction id], newest first. TestPersonHistoryTracksEveryWrite checks
-- every trigger against the whole timeline, and TestSchemaReadableBy337
-- keeps the newer syntax out of the schema.

DROP TRIGGER person_history_rebuilt;
CREATE TRIGGER person_history_rebuilt AFTER INSERT ON person_history_rebuild
BEGIN
	UPDATE person_history SET
		recent = (SELECT json_group_array(json(e)) FROM (
			SELECT ip.at AS at, ip.interaction_id AS id, json_array(CAST(strftime('%s', ip.at) AS INTEGER), i.via, i.direction, ip.interaction_id) AS e
			FROM interaction_people ip CROSS JOIN interactions i ON i.id = ip.interaction_id
			WHERE ip.person_id = NEW.person_id
			ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT 5)),
		recent_real = (SELECT json_group_array(json(e)) FROM (
			SELECT ip.at AS at, ip.interaction_id AS id, json_array(CAST(strftime('%s', ip.at) AS INTEGER), i.via, i.direction, ip.interaction_id) AS e
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

DROP TRIGGER person_history_insert;
CREATE TRIGGER person_history_insert AFTER INSERT ON interaction_people
BEGIN
	INSERT INTO person_history (person_id, recent, recent_real)
	SELECT NEW.person_id, '[]', '[]'
	WHERE NOT EXISTS (SELECT 1 FROM person_history WHERE person_id = NEW.person_id);

	UPDATE person_history SET
		recent = CASE
			WHEN recent = '[]' OR (CAST(strftime('%s', NEW.at) AS INTEGER), NEW.interaction_id) > (json_extract(recent, '$[0][0]'), json_extract(recent, '$[0][3]')) THEN
				json_remove('[' || (SELECT json_array(CAST(strftime('%s', NEW.at) AS INTEGER), i.via, i.direction, NEW.interaction_id) FROM interactions i WHERE i.id = NEW.interaction_id)
					|| iif(recent = '[]', ']', ',' || substr(recent, 2)), '$[5]')
			WHEN json_array_length(recent) < 5 OR (CAST(strftime('%s', NEW.at) AS INTEGER), NEW.interaction_id) > (json_extract(recent, '$[#-1][0]'), json_extract(recent, '$[#-1][3]')) THEN
				(SELECT json_group_array(json(e)) FROM (
					SELECT e FROM (
						SELECT value AS e FROM json_each(recent)
						UNION ALL
						SELECT json_array(CAST(strftime('%s', NEW.at) AS INTEGER), i.via, i.direction, NEW.interaction_id) FROM interactions i WHERE i.id = NEW.interaction_id)
					ORDER BY json_extract(e, '$[0]') DESC, json_extract(e, '$[3]') DESC LIMIT 5))
			ELSE recent END,
		recent_real = CASE
			WHEN NEW.real = 0 THEN recent_real
			WHEN recent_real = '[]' OR (CAST(strftime('%s', NEW.at) AS INTEGER), NEW.interaction_id) > (json_extract(recent_real, '$[0][0]'), json_extract(recent_real, '$[0][3]')) THEN
				json_remove('[' || (SELECT json_array(CAST(strftime('%s', NEW.at) AS INTEGER), i.via, i.direction, NEW.interaction_id) FROM interactions i WHERE i.id = NEW.interaction_id)
					|| iif(recent_real = '[]', ']', ',' || substr(recent_real, 2)), '$[8]')
			WHEN json_array_length(recent_real) < 8 OR (CAST(strftime('%s', NEW.at) AS INTEGER), NEW.interaction_id) > (json_extract(recent_real, '$[#-1][0]'), json_extract(recent_real, '$[#-1][3]')) THEN
				(SELECT json_group_array(json(e)) FROM (
					SELECT e FROM (
						SELECT value AS e FROM json_each(recent_real)
						UNION ALL
						SELECT json_array(CAST(strftime('%s', NEW.at) AS INTEGER), i.via, i.direction, NEW.interaction_id) FROM interactions i WHERE i.id = NEW.interaction_id)
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

DROP TRIGGER people_last_real_insert;
CREATE TRIGGER people_last_real_insert AFTER INSERT ON person_history
WHEN NEW.recent_real <> '[]'
BEGIN
	UPDATE people SET last_real_at = json_extract(NEW.recent_real, '$[0][0]') WHERE id = NEW.person_id;
END;

DROP TRIGGER people_last_real_update;
CREATE TRIGGER people_last_real_update AFTER UPDATE OF recent_real ON person_history
WHEN NEW.recent_real IS NOT OLD.recent_real
BEGIN
	UPDATE people SET last_real_at = json_extract(NEW.recent_real, '$[0][0]')
	WHERE id = NEW.person_id AND last_real_at IS NOT (json_extract(NEW.recent_real, '$[0][0]'));
END;
