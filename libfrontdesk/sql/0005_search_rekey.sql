-- Schema version 5: search keys are rebuilt with the text tables of issue 9
-- (readings from the 2013 table and CC-CEDICT, Traditional/Simplified on
-- OpenCC): keys of rows written before would find some names by the old,
-- wrong readings and miss them by the right ones (乾安县 by "qianan"). The
-- library deletes them here and writes every row's keys again (store.c,
-- run_migrations).
DELETE FROM search_keys;
