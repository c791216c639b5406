-- Held for a schema change made beside migration 0007 (its own number
-- was given out first); it changes nothing.
SELECT 1;
