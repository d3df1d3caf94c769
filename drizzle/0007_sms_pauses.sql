CREATE TABLE "sms_pauses" (
	"provider" text PRIMARY KEY NOT NULL,
	"paused_until" timestamp (3) with time zone NOT NULL,
	"reason" text NOT NULL
);
