/**
 * A person as the features key their records: the tenant and Entra object id Teams authenticated,
 * hashed, so stored keys and listings never carry the object id itself.
 */
import { createHash } from 'node:crypto';

export interface UserRef {
  readonly tenantId: string;
  readonly aadObjectId: string;
}

/** A stable, non-reversible handle for a person: the keys of their requests and questions start with it. */
export function userKey(user: UserRef): string {
  return createHash('sha256').update(`${user.tenantId}\n${user.aadObjectId}`).digest('hex').slice(0, 24);
}
