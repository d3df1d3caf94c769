-- Pending -> Closed | Cancelled; Closed and Cancelled are final, and a final order's terms cannot change.
-- The domain layer checks the same rule first; this trigger makes it hold for every code path.
-- customer_code may still change on a final order: it follows its customer's code by ON UPDATE CASCADE.
CREATE FUNCTION orders_enforce_final_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'Pending' AND (
    NEW.status IS DISTINCT FROM OLD.status
    OR NEW.item IS DISTINCT FROM OLD.item
    OR NEW.quantity IS DISTINCT FROM OLD.quantity
    OR NEW.price_per_unit IS DISTINCT FROM OLD.price_per_unit
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
CREATE TRIGGER orders_enforce_final_status BEFORE UPDATE ON orders
  FOR EACH ROW EXECUTE FUNCTION orders_enforce_final_status();
