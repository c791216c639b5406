-- Where an imported call or message came from, so that importing a phone's
-- call log or message history again, or an overlapping backup, adds
-- nothing (tend import calls / messages). One row per call or message
-- read, keyed by a 64-bit hash of its identity in the source: the other
-- party (their normalised number, or the person a chat is with), the time
-- to the second, call or message, and the direction. Many messages point
-- to the one touch they were collapsed into. The hash keeps no number and
-- no text. An interaction deleted takes its rows with it; an interaction
-- with no row here was logged by hand (or came from another import).
CREATE TABLE interaction_sources (
	key            INTEGER PRIMARY KEY,
	interaction_id TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE
);

CREATE INDEX interaction_sources_interaction ON interaction_sources (interaction_id);
