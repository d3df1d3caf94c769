-- Every process caches verified credentials for a few seconds. When a user is disabled or changes
-- role, or a token is revoked, tell them all to forget what they cached (delivered at commit).
CREATE FUNCTION orderly_notify_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('orderly_auth_changed', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_auth_changed AFTER UPDATE OF disabled, role ON users
  FOR EACH ROW WHEN (OLD.disabled IS DISTINCT FROM NEW.disabled OR OLD.role IS DISTINCT FROM NEW.role)
  EXECUTE FUNCTION orderly_notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_changed AFTER UPDATE OF revoked_at ON api_tokens
  FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at)
  EXECUTE FUNCTION orderly_notify_auth_changed();
