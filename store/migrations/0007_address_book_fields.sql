-- What an address book knows about someone and a relationship manager
-- keeps: the organisation and job title, the kind of each phone and
-- e-mail (home, work, mobile), the structured name when the source gave
-- one, and the address book's UID, which a vCard written back carries.
--
-- phone_types and email_types are JSON arrays of {"value": ..., "type": ...}
-- beside phones and emails, which stay plain arrays of strings: older
-- rows, and anything that reads phones, are unchanged. name_parts is a
-- JSON object (family, given, additional, prefix, suffix), or '' when no
-- structured name was given.
ALTER TABLE people ADD COLUMN org TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN phone_types TEXT NOT NULL DEFAULT '[]';
ALTER TABLE people ADD COLUMN email_types TEXT NOT NULL DEFAULT '[]';
ALTER TABLE people ADD COLUMN name_parts TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN uid TEXT NOT NULL DEFAULT '';

-- The journal's before-image of a person (migration 0006) carries these
-- columns too, so that undo puts them back with the rest.
DROP TRIGGER journal_people_update;
DROP TRIGGER journal_people_delete;

CREATE TRIGGER journal_people_update AFTER UPDATE OF id, name, name_key, tier, every_days, birthday, phones, emails, tags, notes, created_at, updated_at, archived_at, snoozed_until, aliases, org, job_title, phone_types, email_types, name_parts, uid ON people
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'people', OLD.id, OLD.rowid, json_object('id', OLD.id, 'name', OLD.name, 'name_key', OLD.name_key, 'tier', OLD.tier, 'every_days', OLD.every_days, 'birthday', OLD.birthday, 'phones', OLD.phones, 'emails', OLD.emails, 'tags', OLD.tags, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'archived_at', OLD.archived_at, 'snoozed_until', OLD.snoozed_until, 'aliases', OLD.aliases, 'org', OLD.org, 'job_title', OLD.job_title, 'phone_types', OLD.phone_types, 'email_types', OLD.email_types, 'name_parts', OLD.name_parts, 'uid', OLD.uid) FROM change_open o
	WHERE OLD.rowid <= o.people_mark;
END;

CREATE TRIGGER journal_people_delete AFTER DELETE ON people
BEGIN
	INSERT INTO change_rows (change_seq, tbl, key, row_id, before)
	SELECT o.seq, 'people', OLD.id, OLD.rowid, json_object('id', OLD.id, 'name', OLD.name, 'name_key', OLD.name_key, 'tier', OLD.tier, 'every_days', OLD.every_days, 'birthday', OLD.birthday, 'phones', OLD.phones, 'emails', OLD.emails, 'tags', OLD.tags, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'archived_at', OLD.archived_at, 'snoozed_until', OLD.snoozed_until, 'aliases', OLD.aliases, 'org', OLD.org, 'job_title', OLD.job_title, 'phone_types', OLD.phone_types, 'email_types', OLD.email_types, 'name_parts', OLD.name_parts, 'uid', OLD.uid) FROM change_open o
	WHERE OLD.rowid <= o.people_mark;
END;
