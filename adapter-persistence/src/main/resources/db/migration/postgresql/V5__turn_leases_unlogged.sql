-- Turn leases are short-lived coordination rows: on PostgreSQL they skip the write-ahead log, so
-- a claim and a release cost no WAL flush (two per turn). After a PostgreSQL crash (or a failover
-- to a replica) the table starts empty: running turns then find their leases gone and stop, and
-- their stored user messages can be sent again.
ALTER TABLE turn_leases SET UNLOGGED;
