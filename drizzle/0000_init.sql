CREATE TABLE "api_tokens" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint NOT NULL,
	"name" varchar(100) DEFAULT '' NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_tokens_token_hash_key" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_id" bigint NOT NULL,
	"first_name" varchar(50) NOT NULL,
	"second_name" varchar(50) NOT NULL,
	"code" varchar(5) NOT NULL,
	"phone" varchar(16) NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_owner_code_key" UNIQUE("owner_id","code"),
	CONSTRAINT "customers_id_code_owner_key" UNIQUE("id","code","owner_id"),
	CONSTRAINT "customers_code_check" CHECK ("customers"."code" ~ '^[A-Z0-9]{5}$'),
	CONSTRAINT "customers_first_name_check" CHECK (char_length("customers"."first_name") between 1 and 50 and "customers"."first_name" = btrim("customers"."first_name") and "customers"."first_name" !~ '[[:cntrl:]]'),
	CONSTRAINT "customers_second_name_check" CHECK (char_length("customers"."second_name") between 1 and 50 and "customers"."second_name" = btrim("customers"."second_name") and "customers"."second_name" !~ '[[:cntrl:]]'),
	CONSTRAINT "customers_phone_check" CHECK ("customers"."phone" ~ '^\+[1-9][0-9]{6,14}$')
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"customer_code" varchar(5) NOT NULL,
	"item" varchar(200) NOT NULL,
	"quantity" integer NOT NULL,
	"price_per_unit" numeric(12, 2) NOT NULL,
	"amount" numeric(19, 2) GENERATED ALWAYS AS (quantity * price_per_unit) STORED NOT NULL,
	"status" text DEFAULT 'Pending' NOT NULL,
	"time_placed" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_quantity_check" CHECK ("orders"."quantity" between 1 and 1000000),
	CONSTRAINT "orders_price_per_unit_check" CHECK ("orders"."price_per_unit" > 0),
	CONSTRAINT "orders_status_check" CHECK ("orders"."status" in ('Pending', 'Closed', 'Cancelled')),
	CONSTRAINT "orders_item_check" CHECK (char_length("orders"."item") between 1 and 200 and "orders"."item" = btrim("orders"."item") and "orders"."item" !~ '[[:cntrl:]]')
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"email" varchar(254) NOT NULL,
	"display_name" varchar(100) DEFAULT '' NOT NULL,
	"role" text DEFAULT 'staff' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'staff')),
	CONSTRAINT "users_email_check" CHECK ("users"."email" ~ '^[^@[:space:]]+@[^@[:space:]]+$')
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_fkey" FOREIGN KEY ("customer_id","customer_code","owner_id") REFERENCES "public"."customers"("id","code","owner_id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "customers_owner_id_idx" ON "customers" USING btree ("owner_id","id");--> statement-breakpoint
CREATE INDEX "orders_owner_placed_idx" ON "orders" USING btree ("owner_id","time_placed","id");--> statement-breakpoint
CREATE INDEX "orders_owner_status_placed_idx" ON "orders" USING btree ("owner_id","status","time_placed","id");--> statement-breakpoint
CREATE INDEX "orders_placed_idx" ON "orders" USING btree ("time_placed","id");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","time_placed");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));