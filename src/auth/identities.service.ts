import type { Database } from '../db/client.js';
import { AppError, databaseError, UNIQUE_VIOLATION } from '../shared/errors.js';
import type { Role } from './actor.js';
import {
  findUserByIdentity,
  hasIdentityAt,
  insertIdentity,
  lockUserByEmail,
  setUserRole,
  touchIdentity,
} from './identities.repository.js';
import type { OidcSettings, ProviderClaims } from './oidc.service.js';
import { accountDisabled } from './tokens.service.js';
import { insertUser, type UserRow } from './users.repository.js';

export type AccessPolicy = Pick<OidcSettings, 'allowedDomains' | 'adminEmails' | 'rolesClaim' | 'adminRole'>;

/** The provider's email for this person, which must be verified. */
function verifiedEmail(claims: Record<string, unknown>): string {
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email) throw new AppError('email_not_verified', 'The identity provider shared no email address.');
  // Some providers (AWS Cognito) send the boolean as a string.
  if (claims.email_verified !== true && claims.email_verified !== 'true') {
    throw new AppError('email_not_verified', `The identity provider has not verified ${email}.`);
  }
  return email;
}

/** With OIDC_ALLOWED_DOMAINS, the Workspace domain (`hd`) or else the email's domain must be listed. */
function checkDomain(policy: AccessPolicy, claims: Record<string, unknown>, email: string): void {
  if (policy.allowedDomains.length === 0) return;
  const domain = (typeof claims.hd === 'string' ? claims.hd : (email.split('@').pop() ?? '')).toLowerCase();
  if (!policy.allowedDomains.includes(domain)) {
    throw new AppError('domain_not_allowed', `Accounts of ${domain} may not sign in here.`, { domain });
  }
}

/** admin when the email is listed in OIDC_ADMIN_EMAILS or the roles claim holds OIDC_ADMIN_ROLE. */
export function roleFromClaims(policy: AccessPolicy, claims: Record<string, unknown>, email: string): Role {
  if (policy.adminEmails.includes(email.toLowerCase())) return 'admin';
  const value = policy.rolesClaim ? claims[policy.rolesClaim] : undefined;
  const roles = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : [];
  return roles.includes(policy.adminRole) ? 'admin' : 'staff';
}

interface Admission {
  email: string;
  role: Role;
  displayName: string;
}

/** The checks every newcomer passes: verified email, allowed domain. */
function admit(policy: AccessPolicy, claims: Record<string, unknown>): Admission {
  const email = verifiedEmail(claims);
  checkDomain(policy, claims, email);
  const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 100) : '';
  return { email, role: roleFromClaims(policy, claims, email), displayName: name };
}

/**
 * The user behind a provider identity: found by (issuer, subject); on first sight linked to the
 * user with the same verified email, or created. `syncRole` applies the configured role to a
 * known user too (at each browser sign-in).
 */
async function linkIdentity(db: Database, identity: ProviderClaims, admission: Admission, syncRole: boolean) {
  return db.transaction(async (tx) => {
    const known = await findUserByIdentity(tx, identity);
    if (known) {
      if (known.disabled) throw accountDisabled();
      await touchIdentity(tx, identity, admission.email);
      if (syncRole && known.role !== admission.role) await setUserRole(tx, known.id, admission.role);
      return { ...known, role: syncRole ? admission.role : known.role };
    }
    let user: UserRow | undefined = await lockUserByEmail(tx, admission.email);
    if (user?.disabled) throw accountDisabled();
    if (user && (await hasIdentityAt(tx, user.id, identity.issuer))) {
      throw new AppError(
        'account_not_linked',
        `${admission.email} already belongs to another account at this provider.`,
      );
    }
    if (!user) {
      user = await insertUser(tx, admission);
    } else if (syncRole && user.role !== admission.role) {
      await setUserRole(tx, user.id, admission.role);
      user = { ...user, role: admission.role };
    }
    await insertIdentity(tx, user.id, identity, admission.email);
    return user;
  });
}

/** Two first sign-ins of one person race to create the same rows: the loser finds the winner's. */
async function linkOnce(db: Database, identity: ProviderClaims, admission: Admission, syncRole: boolean) {
  try {
    return await linkIdentity(db, identity, admission, syncRole);
  } catch (error) {
    if (databaseError(error)?.code !== UNIQUE_VIOLATION) throw error;
    return linkIdentity(db, identity, admission, syncRole);
  }
}

/** A browser sign-in: the person must pass every check, and their role follows the configuration. */
export function signInWithProvider(
  db: Database,
  policy: AccessPolicy,
  identity: ProviderClaims,
): Promise<UserRow> {
  return linkOnce(db, identity, admit(policy, identity.claims), true);
}

/**
 * The user behind a provider bearer token: a linked identity, or a newcomer whose token carries a
 * verified email. Other tokens belong to nobody here yet (403 account_not_linked).
 */
export async function userForProviderToken(
  db: Database,
  policy: AccessPolicy,
  identity: ProviderClaims,
): Promise<UserRow> {
  const known = await findUserByIdentity(db, identity);
  if (known) {
    if (known.disabled) throw accountDisabled();
    return known;
  }
  if (identity.claims.email === undefined) {
    throw new AppError(
      'account_not_linked',
      'No account is linked to this identity yet: sign in once at /api/v1/api-auth/authenticate/.',
    );
  }
  return linkOnce(db, identity, admit(policy, identity.claims), false);
}
