CREATE TABLE "api_version_usage" (
	"version" text NOT NULL,
	"day" date NOT NULL,
	"caller" text NOT NULL,
	"user_id" bigint,
	"requests" bigint NOT NULL,
	"last_path" text NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "api_version_usage_pkey" PRIMARY KEY("version","day","caller"),
	CONSTRAINT "api_version_usage_requests_check" CHECK ("api_version_usage"."requests" > 0)
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sku" varchar(40) NOT NULL,
	"name" varchar(200) NOT NULL,
	"description" varchar(2000),
	"unit_price" numeric(12, 2) NOT NULL,
	"currency" varchar(3) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "items_sku_check" CHECK ("items"."sku" ~ '^[A-Za-z0-9._-]{1,40}$'),
	CONSTRAINT "items_name_check" CHECK (char_length("items"."name") between 1 and 200 and "items"."name" = btrim("items"."name") and "items"."name" !~ '[[:cntrl:]]'),
	CONSTRAINT "items_description_check" CHECK (char_length("items"."description") <= 2000),
	CONSTRAINT "items_unit_price_check" CHECK ("items"."unit_price" > 0),
	CONSTRAINT "items_currency_check" CHECK ("items"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_status_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "item_id" bigint;--> statement-breakpoint
-- Orders placed before the catalogue were priced in the business's one currency; KES is DEFAULT_CURRENCY's
-- default. New rows always name theirs (the default is dropped below).
ALTER TABLE "orders" ADD COLUMN "currency" varchar(3) DEFAULT 'KES' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "currency" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "api_version_usage" ADD CONSTRAINT "api_version_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "items_sku_lower_key" ON "items" USING btree (lower("sku"));--> statement-breakpoint
CREATE INDEX "items_active_id_idx" ON "items" USING btree ("active","id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_item_idx" ON "orders" USING btree ("item_id") WHERE item_id is not null;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_status_check" CHECK ("notifications"."status" in ('pending', 'sending', 'sent', 'delivered', 'failed', 'unknown', 'cancelled'));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_currency_check" CHECK ("orders"."currency" ~ '^[A-Z]{3}$');--> statement-breakpoint
CREATE TRIGGER items_touch_updated_at BEFORE UPDATE ON items
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
--> statement-breakpoint
-- As in 0001, with the catalogue item and the currency among a final order's frozen terms.
CREATE OR REPLACE FUNCTION orders_enforce_final_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'Pending' AND (
    NEW.status IS DISTINCT FROM OLD.status
    OR NEW.item IS DISTINCT FROM OLD.item
    OR NEW.item_id IS DISTINCT FROM OLD.item_id
    OR NEW.quantity IS DISTINCT FROM OLD.quantity
    OR NEW.price_per_unit IS DISTINCT FROM OLD.price_per_unit
    OR NEW.currency IS DISTINCT FROM OLD.currency
    OR NEW.customer_id IS DISTINCT FROM OLD.customer_id
  ) THEN
    RAISE EXCEPTION 'order % is %, which is final', OLD.id, OLD.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'orders_final_status';
  END IF;
  IF NEW.time_placed IS DISTINCT FROM OLD.time_placed OR NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
    RAISE EXCEPTION 'time_placed and owner_id of order % cannot change', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'orders_immutable_columns';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- A Closed order is a completed sale: it stays on the books. The domain answers 409 first; this holds
-- for every code path.
CREATE FUNCTION orders_keep_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'Closed' THEN
    RAISE EXCEPTION 'order % is Closed and cannot be deleted', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'orders_keep_closed';
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER orders_keep_closed BEFORE DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION orders_keep_closed();
