-- The first schema: people, the interactions between you and them, the things
-- they told you, and the dates that matter to them. Times are RFC 3339 UTC
-- text of fixed width, so that text order is time order.

CREATE TABLE people (
	id            TEXT PRIMARY KEY,
	name          TEXT NOT NULL,
	name_key      TEXT NOT NULL,           -- the name folded for case-insensitive matching
	tier          TEXT NOT NULL CHECK (tier IN ('inner', 'close', 'regular', 'outer')),
	every_days    INTEGER CHECK (every_days > 0),
	birthday      TEXT,                    -- YYYY-MM-DD or --MM-DD
	phones        TEXT NOT NULL DEFAULT '[]',
	emails        TEXT NOT NULL DEFAULT '[]',
	tags          TEXT NOT NULL DEFAULT '[]',
	notes         TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	archived_at   TEXT,
	snoozed_until TEXT
);

-- Names are unique among active people only: someone archived may share a
-- name with someone new.
CREATE UNIQUE INDEX people_active_name ON people (name_key) WHERE archived_at IS NULL;

CREATE TABLE interactions (
	id         TEXT PRIMARY KEY,
	via        TEXT NOT NULL CHECK (via IN ('in-person', 'call', 'video', 'text', 'email', 'letter', 'social', 'gift')),
	direction  TEXT NOT NULL CHECK (direction IN ('in', 'out')),
	at         TEXT NOT NULL,
	minutes    INTEGER CHECK (minutes > 0),
	note       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);

CREATE INDEX interactions_at ON interactions (at);

-- One row per person in an interaction. at and real are copied from the
-- interaction so that "the latest real conversation with X" is one index seek
-- and today's cost grows with people, not with history.
CREATE TABLE interaction_people (
	interaction_id TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
	person_id      TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	at             TEXT NOT NULL,
	real           INTEGER NOT NULL CHECK (real IN (0, 1)),
	PRIMARY KEY (interaction_id, person_id)
) WITHOUT ROWID;

CREATE INDEX interaction_people_person_at ON interaction_people (person_id, at);
CREATE INDEX interaction_people_person_real_at ON interaction_people (person_id, real, at);

CREATE TABLE memories (
	id         TEXT PRIMARY KEY,
	person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	text       TEXT NOT NULL,
	due        TEXT,                        -- YYYY-MM-DD, a local day
	done_at    TEXT,
	created_at TEXT NOT NULL
);

CREATE INDEX memories_person ON memories (person_id, created_at);

CREATE TABLE important_dates (
	person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	label     TEXT NOT NULL,
	date      TEXT NOT NULL,                -- YYYY-MM-DD or --MM-DD
	PRIMARY KEY (person_id, label, date)
) WITHOUT ROWID;
