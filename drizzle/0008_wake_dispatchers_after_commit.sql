-- A NOTIFY inside the order's transaction serialises the commits of every notifying transaction
-- (PostgreSQL takes a global lock for the notification queue at commit): order creation ran at 47% of
-- its speed without the outbox. The API now wakes the dispatchers after its commits, at most once per
-- few milliseconds (src/notifications/outbox.ts).
DROP TRIGGER notifications_wake_dispatchers ON notifications;
--> statement-breakpoint
DROP FUNCTION orderly_notify_outbox();
