ALTER TABLE "customers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Every row that carries updated_at now carries a version too, moved by the same rule: exactly when the
-- row's content changes. ETags come from it, and If-Match compares it in the UPDATE's own WHERE; unlike
-- a millisecond timestamp, two changes can never share one.
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb := to_jsonb(OLD) - 'updated_at' - 'version';
  new_row jsonb := to_jsonb(NEW) - 'updated_at' - 'version';
  ignored text;
BEGIN
  FOREACH ignored IN ARRAY coalesce(TG_ARGV, '{}') LOOP
    old_row := old_row - ignored;
    new_row := new_row - ignored;
  END LOOP;
  IF new_row IS DISTINCT FROM old_row THEN
    NEW.updated_at := now();
    NEW.version := OLD.version + 1;
  ELSE
    NEW.updated_at := OLD.updated_at;
    NEW.version := OLD.version;
  END IF;
  RETURN NEW;
END
$$;
