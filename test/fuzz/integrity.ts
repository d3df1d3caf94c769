import { type SQL, sql } from 'drizzle-orm';
import { type Database, selectRows } from '../../src/db/client.js';

interface Check {
  name: string;
  /** Counts the rows that break the rule. */
  query: SQL;
}

/** Rules of the data beyond single constraints: what an order owes its customer, its total, its money. */
const businessRules: Check[] = [
  {
    name: "every order's customer exists, with the order's code, and belongs to the order's owner",
    query: sql`select count(*) from orders o left join customers c on c.id = o.customer_id
      where c.id is null or c.owner_id <> o.owner_id or c.code <> o.customer_code`,
  },
  {
    name: "every order's total is its quantity times its unit price",
    query: sql`select count(*) from orders where amount <> quantity * price_per_unit`,
  },
  {
    name: 'no order has a quantity or price at or below zero, or more than 2 decimals of money',
    query: sql`select count(*) from orders where quantity <= 0 or price_per_unit <= 0
      or scale(price_per_unit) > 2 or scale(amount) > 2`,
  },
  {
    name: 'no catalogue item has a price at or below zero, or more than 2 decimals',
    query: sql`select count(*) from items where unit_price <= 0 or scale(unit_price) > 2`,
  },
  {
    name: 'every order of a catalogue item names an item that exists',
    query: sql`select count(*) from orders o where o.item_id is not null
      and not exists (select 1 from items i where i.id = o.item_id)`,
  },
  {
    name: 'every order was announced: it has an order_placed notification for its owner',
    query: sql`select count(*) from orders o where not exists (select 1 from notifications n
      where n.order_id = o.id and n.event = 'order_placed' and n.owner_id = o.owner_id)`,
  },
  {
    name: 'no replayed answer stored for an Idempotency-Key is a server error',
    query: sql`select count(*) from idempotency_keys where status_code >= 500 or status_code < 200`,
  },
  {
    name: 'every constraint is validated',
    query: sql`select count(*) from pg_constraint
      where connamespace = 'public'::regnamespace and not convalidated`,
  },
  {
    name: 'money columns are NUMERIC(12,2), and an order total NUMERIC(19,2)',
    query: sql`select 3 - count(*) from information_schema.columns
      where table_schema = 'public' and data_type = 'numeric' and numeric_scale = 2 and (
        (table_name = 'orders' and column_name = 'price_per_unit' and numeric_precision = 12)
        or (table_name = 'items' and column_name = 'unit_price' and numeric_precision = 12)
        or (table_name = 'orders' and column_name = 'amount' and numeric_precision = 19))`,
  },
];

/** Every CHECK constraint of the schema, evaluated again over every row. */
async function checkConstraints(db: Database): Promise<Check[]> {
  const rows = await selectRows<{ name: string; relation: string; definition: string }>(
    db,
    sql`select conname as name, conrelid::regclass::text as relation, pg_get_constraintdef(oid) as definition
      from pg_constraint where connamespace = 'public'::regnamespace and contype = 'c'`,
  );
  return rows.map((row) => ({
    name: `${row.relation} ${row.name}`,
    query: sql.raw(
      `select count(*) from ${row.relation} where not coalesce(${row.definition.replace(/^CHECK /, '').replace(/ NOT VALID$/, '')}, true)`,
    ),
  }));
}

/** Every foreign key of the schema, checked again: no row names a row that does not exist. */
async function foreignKeys(db: Database): Promise<Check[]> {
  const rows = await selectRows<{
    name: string;
    child: string;
    parent: string;
    columns: string[];
    targets: string[];
  }>(
    db,
    sql`select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
        array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as targets
      from pg_constraint c where c.connamespace = 'public'::regnamespace and c.contype = 'f'`,
  );
  return rows.map((row) => {
    const present = row.columns.map((column) => `c.${column} is not null`).join(' and ');
    const matches = row.columns.map((column, i) => `p.${row.targets[i]} = c.${column}`).join(' and ');
    return {
      name: `${row.child} ${row.name}`,
      query: sql.raw(
        `select count(*) from ${row.child} c where ${present} and not exists (select 1 from ${row.parent} p where ${matches})`,
      ),
    };
  });
}

/**
 * The rules of the data that rows break, as `name: count` (empty when all hold): every CHECK constraint and
 * foreign key of the schema evaluated again over every row, and the business rules above.
 */
export async function integrityViolations(db: Database): Promise<string[]> {
  const checks = [...(await checkConstraints(db)), ...(await foreignKeys(db)), ...businessRules];
  const violations: string[] = [];
  for (const check of checks) {
    const [row] = await selectRows<{ count: number | string }>(db, check.query);
    const broken = Number(Object.values(row ?? { count: 0 })[0]);
    if (broken !== 0) violations.push(`${check.name}: ${broken}`);
  }
  return violations;
}
