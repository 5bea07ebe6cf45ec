-- Issue 18: each BFF instance keeps sessions and settings in memory. The database itself says when
-- they change, whoever changed them (a route, the runner, inbound mail, an integration, psql): a
-- statement that changes what those caches hold sends NOTIFY atende_cache at commit. Every instance
-- listens; the instance that committed hears it before its COMMIT returns (PostgreSQL delivers a
-- session's own notifications before ReadyForQuery), so its next read is already fresh.
CREATE FUNCTION atende_notify_cache() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atende_cache', TG_ARGV[0]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A session's own activity (last_seen_at, touched once a minute) is not announced: each instance
-- re-reads a session before it would end it as idle.
CREATE TRIGGER sessions_cache AFTER DELETE OR TRUNCATE OR UPDATE OF token_hash, actor_kind, actor_id, expires_at ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache('auth');
--> statement-breakpoint
CREATE TRIGGER agents_cache AFTER DELETE OR TRUNCATE OR UPDATE OF name, active, role ON agents
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache('auth');
--> statement-breakpoint
CREATE TRIGGER contacts_cache AFTER DELETE OR TRUNCATE OR UPDATE OF name, active ON contacts
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache('auth');
--> statement-breakpoint
CREATE TRIGGER settings_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION atende_notify_cache('settings');
