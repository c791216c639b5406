-- When each person last really talked with you, on their row of people, and
-- a small index of what says how overdue they are: today orders everyone by
-- it from that index alone and reads the whole history only of the few at
-- the top who could make the list (store.RankByOverdue), instead of reading
-- and ranking everyone. At ten thousand people, reading person_history
-- whole is most of the time of `tend today`.
--
-- last_real_at is the time of the latest real conversation in Unix seconds
-- (the first entry of person_history.recent_real), or NULL when there has
-- been none. The triggers below copy it from person_history, which the
-- triggers of migration 0002 keep; TestPersonHistoryTracksEveryWrite checks
-- it after every kind of write.
ALTER TABLE people ADD COLUMN last_real_at INTEGER;

UPDATE people SET last_real_at = (SELECT h.recent_real ->> '$[0][0]' FROM person_history h WHERE h.person_id = people.id);

-- Everything the order needs, for active people: the time the count runs
-- from (last_real_at, else created_at), their interval (tier or
-- every_days), and birthday and id, to find those a date or a memory may
-- move up. (It leads with last_real_at so that no query looking for a tier
-- or a birthday takes it for a search.)
CREATE INDEX people_overdue ON people (last_real_at, created_at, tier, every_days, birthday, id, archived_at)
	WHERE archived_at IS NULL;

CREATE TRIGGER people_last_real_insert AFTER INSERT ON person_history
WHEN NEW.recent_real <> '[]'
BEGIN
	UPDATE people SET last_real_at = NEW.recent_real ->> '$[0][0]' WHERE id = NEW.person_id;
END;

CREATE TRIGGER people_last_real_update AFTER UPDATE OF recent_real ON person_history
WHEN NEW.recent_real IS NOT OLD.recent_real
BEGIN
	UPDATE people SET last_real_at = NEW.recent_real ->> '$[0][0]'
	WHERE id = NEW.person_id AND last_real_at IS NOT (NEW.recent_real ->> '$[0][0]');
END;

CREATE TRIGGER people_last_real_delete AFTER DELETE ON person_history
BEGIN
	UPDATE people SET last_real_at = NULL WHERE id = OLD.person_id AND last_real_at IS NOT NULL;
END;
