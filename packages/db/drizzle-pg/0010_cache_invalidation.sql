-- Issue 18: each BFF instance keeps sessions and settings in memory. The database itself says when
-- they change, whoever changed them (a route, the runner, inbound mail, an integration, psql): a
-- statement that changes what those caches hold sends NOTIFY atende_cache at commit. Every instance
-- listens; the instance that committed hears it before its COMMIT returns (PostgreSQL delivers a
-- session's own notifications before ReadyForQuery), so its next read is already fresh.
--
-- Updates are compared on the watched columns only (a session's last_seen_at, touched once a minute,
-- or an agent's preferences change nothing cached), through transition tables rather than an
-- UPDATE OF column list: a column named in a trigger could no longer have its type or collation
-- altered by an administrator.
CREATE FUNCTION atende_notify_cache() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atende_cache', TG_ARGV[0]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- TG_ARGV: the channel's payload, then the watched columns (the key first), comma-separated.
CREATE FUNCTION atende_notify_cache_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  watched text[] := string_to_array(TG_ARGV[1], ',');
BEGIN
  IF EXISTS (
    (SELECT (SELECT jsonb_object_agg(k, to_jsonb(o) -> k) FROM unnest(watched) AS k) FROM old_rows AS o
     EXCEPT ALL
     SELECT (SELECT jsonb_object_agg(k, to_jsonb(n) -> k) FROM unnest(watched) AS k) FROM new_rows AS n)
  ) THEN
    PERFORM pg_notify('atende_cache', TG_ARGV[0]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_cache_update AFTER UPDATE ON sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache_on_update('auth', 'token_hash,actor_kind,actor_id,expires_at');
--> statement-breakpoint
CREATE TRIGGER sessions_cache_delete AFTER DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache('auth');
--> statement-breakpoint
CREATE TRIGGER agents_cache_update AFTER UPDATE ON agents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache_on_update('auth', 'id,name,active,role');
--> statement-breakpoint
CREATE TRIGGER agents_cache_delete AFTER DELETE OR TRUNCATE ON agents
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache('auth');
--> statement-breakpoint
CREATE TRIGGER contacts_cache_update AFTER UPDATE ON contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache_on_update('auth', 'id,name,active');
--> statement-breakpoint
CREATE TRIGGER contacts_cache_delete AFTER DELETE OR TRUNCATE ON contacts
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache('auth');
--> statement-breakpoint
CREATE TRIGGER settings_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache('settings');
