-- Dispatchers LISTEN on orderly_outbox: a new notification wakes them at commit instead of at their next poll.
CREATE FUNCTION orderly_notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('orderly_outbox', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notifications_wake_dispatchers AFTER INSERT ON notifications
  FOR EACH STATEMENT EXECUTE FUNCTION orderly_notify_outbox();
--> statement-breakpoint
CREATE TRIGGER notifications_touch_updated_at BEFORE UPDATE ON notifications
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
--> statement-breakpoint
-- A delivered message stays delivered, whatever a late or replayed report says.
CREATE FUNCTION notifications_keep_delivered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'delivered' AND NEW.status <> 'delivered' THEN
    RAISE EXCEPTION 'notification % was delivered and cannot become %', OLD.id, NEW.status
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notifications_keep_delivered BEFORE UPDATE OF status ON notifications
  FOR EACH ROW EXECUTE FUNCTION notifications_keep_delivered();
