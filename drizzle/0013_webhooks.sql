CREATE TABLE "webhook_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"delivery_id" bigint NOT NULL,
	"attempted_at" timestamp (3) with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"status_code" integer,
	"error" text,
	"response" text
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"endpoint_id" bigint NOT NULL,
	"event_id" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone,
	"claim_token" text,
	"claimed_until" timestamp (3) with time zone,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp (3) with time zone,
	CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" in ('pending', 'sending', 'succeeded', 'failed')),
	CONSTRAINT "webhook_deliveries_claim_check" CHECK (("webhook_deliveries"."status" = 'sending') = ("webhook_deliveries"."claim_token" is not null)),
	CONSTRAINT "webhook_deliveries_next_check" CHECK (("webhook_deliveries"."status" = 'pending') = ("webhook_deliveries"."next_attempt_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_endpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"url" varchar(2048) NOT NULL,
	"description" varchar(500) DEFAULT '' NOT NULL,
	"events" text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"disabled_at" timestamp (3) with time zone,
	"secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_until" timestamp (3) with time zone,
	"failing_since" timestamp (3) with time zone,
	"created_by" bigint NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "webhook_endpoints_url_check" CHECK ("webhook_endpoints"."url" ~ '^https?://'),
	CONSTRAINT "webhook_endpoints_events_check" CHECK (cardinality("webhook_endpoints"."events") between 1 and 50),
	CONSTRAINT "webhook_endpoints_previous_secret_check" CHECK (("webhook_endpoints"."previous_secret" is null) = ("webhook_endpoints"."previous_secret_until" is null))
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"message_id" text DEFAULT 'msg_' || replace(gen_random_uuid()::text, '-', '') NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_events_message_id_key" UNIQUE("message_id")
);
--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_webhook_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."webhook_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_sending_idx" ON "webhook_deliveries" USING btree ("endpoint_id") WHERE status = 'sending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("endpoint_id","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_enabled_idx" ON "webhook_endpoints" USING btree ("id") WHERE enabled;--> statement-breakpoint
CREATE INDEX "webhook_events_created_idx" ON "webhook_events" USING btree ("created_at");--> statement-breakpoint
CREATE TRIGGER webhook_endpoints_touch_updated_at BEFORE UPDATE ON webhook_endpoints
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
--> statement-breakpoint
-- The webhook outbox. A change's event is written by the change's own transaction, through these triggers,
-- so no code path (v1, v2, console, CLI) can change a row without its event or write an event without its
-- change. Nothing is written while no enabled endpoint wants the event: changes cost one small index read.
CREATE FUNCTION orderly_webhook_wanted(event_type text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM webhook_endpoints
    WHERE enabled AND events && ARRAY[event_type, '*']
  )
$$;
--> statement-breakpoint
-- Writes the event and one delivery per endpoint that wants it. `data` is the row as it is now, in its
-- table's own columns (numbers as text, never rounded through JSON); the dispatcher shows it as API v2 does.
CREATE FUNCTION orderly_webhook_emit(event_type text, data jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  event_id bigint;
BEGIN
  INSERT INTO webhook_events (type, data) VALUES (event_type, data) RETURNING id INTO event_id;
  INSERT INTO webhook_deliveries (endpoint_id, event_id, next_attempt_at)
    SELECT id, event_id, now() FROM webhook_endpoints
    WHERE enabled AND events && ARRAY[event_type, '*'];
END
$$;
--> statement-breakpoint
-- A customer's or an item's change: `<resource>.created`, `.updated` or `.deleted` (the first argument names the
-- resource), its row as it is (as it was, for a deletion). The other arguments name NUMERIC columns, written as
-- text so that no amount is ever rounded through a JSON number.
CREATE FUNCTION orderly_webhook_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text;
  data jsonb;
  money_column text;
BEGIN
  IF TG_OP = 'INSERT' THEN event_type := TG_ARGV[0] || '.created'; data := to_jsonb(NEW);
  ELSIF TG_OP = 'DELETE' THEN event_type := TG_ARGV[0] || '.deleted'; data := to_jsonb(OLD);
  ELSIF NEW.version = OLD.version THEN RETURN NULL;
  ELSE event_type := TG_ARGV[0] || '.updated'; data := to_jsonb(NEW);
  END IF;
  IF orderly_webhook_wanted(event_type) THEN
    FOREACH money_column IN ARRAY TG_ARGV[1:] LOOP
      data := jsonb_set(data, ARRAY[money_column], to_jsonb(data ->> money_column));
    END LOOP;
    PERFORM orderly_webhook_emit(event_type, data);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An order reaching Closed or Cancelled announces that instead of order.updated; in every table an UPDATE
-- that changed nothing (the same version) announces nothing. An order is shown with its customer's name and
-- its item's SKU and name, as they are in this transaction.
CREATE FUNCTION orderly_webhook_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text;
  r orders;
  data jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN event_type := 'order.placed'; r := NEW;
  ELSIF TG_OP = 'DELETE' THEN event_type := 'order.deleted'; r := OLD;
  ELSIF NEW.version = OLD.version THEN RETURN NULL;
  ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'Closed' THEN event_type := 'order.closed'; r := NEW;
  ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'Cancelled' THEN event_type := 'order.cancelled'; r := NEW;
  ELSE event_type := 'order.updated'; r := NEW;
  END IF;
  IF orderly_webhook_wanted(event_type) THEN
    SELECT to_jsonb(r) || jsonb_build_object(
        'price_per_unit', r.price_per_unit::text,
        'amount', r.amount::text,
        'customer_first_name', c.first_name,
        'customer_second_name', c.second_name,
        'customer_version', c.version,
        'item_sku', i.sku,
        'item_name', i.name,
        'item_version', i.version)
      INTO data
      FROM (SELECT 1) one
      LEFT JOIN customers c ON c.id = r.customer_id
      LEFT JOIN items i ON i.id = r.item_id;
    PERFORM orderly_webhook_emit(event_type, data);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION orderly_webhook_notification() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text;
BEGIN
  IF NEW.status IS NOT DISTINCT FROM OLD.status OR NEW.status NOT IN ('delivered', 'failed') THEN RETURN NULL; END IF;
  event_type := 'notification.' || NEW.status;
  IF orderly_webhook_wanted(event_type) THEN
    PERFORM orderly_webhook_emit(event_type, to_jsonb(NEW));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER customers_webhook AFTER INSERT OR UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION orderly_webhook_row('customer');
--> statement-breakpoint
CREATE TRIGGER items_webhook AFTER INSERT OR UPDATE OR DELETE ON items
  FOR EACH ROW EXECUTE FUNCTION orderly_webhook_row('item', 'unit_price');
--> statement-breakpoint
CREATE TRIGGER orders_webhook AFTER INSERT OR UPDATE OR DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION orderly_webhook_order();
--> statement-breakpoint
CREATE TRIGGER notifications_webhook AFTER UPDATE OF status ON notifications
  FOR EACH ROW EXECUTE FUNCTION orderly_webhook_notification();
