import type { Database } from '../db/client.js';
import { createToken } from './tokens.service.js';
import { insertFirstUser } from './users.repository.js';

export const BOOTSTRAP_EMAIL = 'admin@localhost';

/**
 * On an empty database (never in production), creates an admin and returns a token for it, so a
 * newcomer can try the API at once. Safe when several instances start together: one wins.
 */
export async function bootstrapAdmin(db: Database): Promise<{ email: string; token: string } | undefined> {
  const user = await insertFirstUser(db, {
    email: BOOTSTRAP_EMAIL,
    displayName: 'Bootstrap admin',
    role: 'admin',
  });
  if (!user) return undefined;
  const { token } = await createToken(db, { userId: user.id, name: 'bootstrap' });
  return { email: user.email, token };
}
