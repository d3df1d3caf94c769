import { type SQL, sql } from 'drizzle-orm';

/**
 * Message templates: text with placeholders filled from the order and its customer.
 * - `{first_name}`, `{second_name}`, `{item}`, `{quantity}`, `{amount}`, `{order_id}`, `{status}`
 * - `{time}`: when the order was placed, e.g. `15:05 on 25 Nov 2026`, in the configured time zone
 * - `{quantity:one|other}`: `one` when the quantity is 1, else `other` (e.g. `{quantity:unit|units}`)
 * A template is compiled to one SQL expression, so the message is written by the same statement
 * that writes the order (`o`: the order row, `c`: its customer).
 */
const PLACEHOLDER = /\{([a-z_]+)(?::([^|{}]*)\|([^|{}]*))?\}/g;

const fields: Record<string, (timeZone: string) => SQL> = {
  first_name: () => sql`c.first_name`,
  second_name: () => sql`c.second_name`,
  item: () => sql`o.item`,
  quantity: () => sql`o.quantity::text`,
  amount: () => sql`o.amount::text`,
  order_id: () => sql`o.id::text`,
  status: () => sql`o.status`,
  time: (timeZone) => sql`to_char(o.time_placed at time zone ${timeZone}, 'HH24:MI "on" FMDD Mon YYYY')`,
};

export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** The SQL expression that renders `template`; throws TemplateError naming an unknown placeholder. */
export function compileTemplate(template: string, timeZone: string): SQL {
  const parts: SQL[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, name = '', one, other] = match;
    parts.push(sql`${template.slice(last, match.index)}::text`);
    if (one !== undefined && other !== undefined) {
      if (name !== 'quantity')
        throw new TemplateError(`{${name}:…|…} chooses by quantity only: write {quantity:${one}|${other}}.`);
      parts.push(sql`(case when o.quantity = 1 then ${one}::text else ${other}::text end)`);
    } else {
      const field = fields[name];
      if (!field)
        throw new TemplateError(
          `Unknown placeholder {${name}}; use ${Object.keys(fields)
            .map((key) => `{${key}}`)
            .join(', ')} or {quantity:one|other}.`,
        );
      parts.push(field(timeZone));
    }
    last = match.index + whole.length;
  }
  parts.push(sql`${template.slice(last)}::text`);
  return sql`concat(${sql.join(parts, sql`, `)})`;
}
