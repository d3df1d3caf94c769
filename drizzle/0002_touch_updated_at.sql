-- updated_at moves exactly when a row's content changes: a no-op update (a PUT of what was read, an
-- empty PATCH) keeps it, and so keeps what clients compare. Columns named in the trigger arguments
-- are left out of the comparison (generated columns are not computed yet in a BEFORE trigger).
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb := to_jsonb(OLD) - 'updated_at';
  new_row jsonb := to_jsonb(NEW) - 'updated_at';
  ignored text;
BEGIN
  FOREACH ignored IN ARRAY coalesce(TG_ARGV, '{}') LOOP
    old_row := old_row - ignored;
    new_row := new_row - ignored;
  END LOOP;
  IF new_row IS DISTINCT FROM old_row THEN
    NEW.updated_at := now();
  ELSE
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER customers_touch_updated_at BEFORE UPDATE ON customers
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER orders_touch_updated_at BEFORE UPDATE ON orders
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at('amount');
