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
