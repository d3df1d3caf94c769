CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_id" bigint NOT NULL,
	"order_id" bigint NOT NULL,
	"event" text NOT NULL,
	"recipient" varchar(16) NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"claim_token" text,
	"claimed_until" timestamp (3) with time zone,
	"provider" text,
	"provider_message_id" text,
	"cost" text,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"delivered_at" timestamp (3) with time zone,
	CONSTRAINT "notifications_status_check" CHECK ("notifications"."status" in ('pending', 'sending', 'sent', 'delivered', 'failed', 'unknown')),
	CONSTRAINT "notifications_event_check" CHECK ("notifications"."event" in ('order_placed', 'order_closed', 'order_cancelled')),
	CONSTRAINT "notifications_attempts_check" CHECK ("notifications"."attempts" >= 0),
	CONSTRAINT "notifications_recipient_check" CHECK ("notifications"."recipient" ~ '^\+[1-9][0-9]{6,14}$'),
	CONSTRAINT "notifications_claim_check" CHECK (("notifications"."status" = 'sending') = ("notifications"."claim_token" is not null))
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_claimed_idx" ON "notifications" USING btree ("claimed_until") WHERE status = 'sending';--> statement-breakpoint
CREATE INDEX "notifications_owner_created_idx" ON "notifications" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_order_idx" ON "notifications" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_provider_message_key" ON "notifications" USING btree ("provider","provider_message_id") WHERE provider_message_id is not null;