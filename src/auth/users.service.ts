import type { Database } from '../db/client.js';
import { AppError, databaseError, UNIQUE_VIOLATION } from '../shared/errors.js';
import type { Role } from './actor.js';
import { findUserByEmail, insertUser, listUsers, setUserDisabled, type UserRow } from './users.repository.js';

const EMAIL = /^[^@\s]+@[^@\s]+$/;

export interface CreateUserInput {
  email: string;
  role: Role;
  displayName?: string;
}

export async function createUser(db: Database, input: CreateUserInput): Promise<UserRow> {
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 254) {
    throw new AppError('validation_error', `"${input.email}" is not an email address.`);
  }
  try {
    return await insertUser(db, { email, role: input.role, displayName: input.displayName?.trim() ?? '' });
  } catch (error) {
    if (databaseError(error)?.code === UNIQUE_VIOLATION) {
      throw new AppError('conflict', `A user with the email ${email} already exists.`);
    }
    throw error;
  }
}

export async function requireUserByEmail(db: Database, email: string): Promise<UserRow> {
  const user = await findUserByEmail(db, email.trim());
  if (!user) throw new AppError('not_found', `No user has the email ${email}.`);
  return user;
}

export async function disableUser(db: Database, email: string): Promise<UserRow> {
  const user = await requireUserByEmail(db, email);
  await setUserDisabled(db, user.id, true);
  return { ...user, disabled: true };
}

export { listUsers };
