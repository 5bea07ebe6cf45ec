-- Issue 16: vacuum the tickets table after 1% of it changed, not PostgreSQL's default 20%.
-- Every ticket change is an UPDATE of a row whose indexed columns change (updated_at at least), so none
-- is a HOT update: each leaves a dead version in the heap and in all of the table's indexes until
-- vacuum. The console's queues and search walk the newest tickets, where those versions pile up: after
-- 19,440 updates of 240 tickets on a 200k-ticket copy, "Todos" served 646 requests a CPU-second,
-- "Trabalho de hoje" 728 and the search 44; after a VACUUM, 840, 1,081 and 236 (session 17). At the
-- default 20% a million-ticket help desk would wait for 200,000 such versions. Storage parameters of
-- the table only: a managed PostgreSQL allows them, and an administrator may tune them further.
ALTER TABLE "tickets" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02);
