-- Reserved: the objects of migrations 0002 and 0003 written again for
-- SQLite 3.37, with the same behaviour. (This file stands in for that
-- migration so that 0005 keeps its number.)
SELECT 1;
