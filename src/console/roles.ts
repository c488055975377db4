/**
 * Who may do what in the console. Privacy admins (PRIVACY_ADMIN_IDS) do everything; members of the
 * team that holds PRIVACY_TEAM_CHANNEL work questions and read requests and insights; anyone else
 * is refused. Membership comes from the Teams roster through a port, remembered for a few minutes
 * so a page's handful of calls costs one roster read.
 */
import { AppError } from '../errors';

export type ConsoleRole = 'admin' | 'team';

/** What each role may do: the routes name the permission they need. */
export type Permission = 'read' | 'questions' | 'requests.change' | 'notices.change' | 'learned.change';

const GRANTS: Readonly<Record<ConsoleRole, readonly Permission[]>> = {
  admin: ['read', 'questions', 'requests.change', 'notices.change', 'learned.change'],
  team: ['read', 'questions'],
};

export function allows(role: ConsoleRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** The Teams roster of the privacy team's team, as the console needs it. Implemented in src/teams/. */
export interface PrivacyTeamRoster {
  /** 'unknown' when the roster could not be read (an outage, throttling): never taken as a no. */
  isMember(person: { readonly aadObjectId: string; readonly tenantId: string }): Promise<boolean | 'unknown'>;
}

export interface ConsoleRolesOptions {
  /** Lower-cased Entra object ids. */
  readonly adminIds: readonly string[];
  /** Absent while PRIVACY_TEAM_CHANNEL is empty: then only admins have a role. */
  readonly roster?: PrivacyTeamRoster;
  readonly memoryMs?: number;
  readonly now?: () => number;
}

const MEMORY_MS = 5 * 60_000;
/** People remembered at once: the privacy team is small; the bound keeps strangers from growing it. */
const MAX_REMEMBERED = 500;

export class ConsoleRoles {
  private readonly remembered = new Map<string, { readonly member: boolean; readonly at: number }>();
  private readonly now: () => number;

  constructor(private readonly options: ConsoleRolesOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The person's role, or undefined for none. Throws CONNECTOR_FAILED when the roster cannot say. */
  async roleOf(person: { readonly aadObjectId: string; readonly tenantId: string }): Promise<ConsoleRole | undefined> {
    if (this.options.adminIds.includes(person.aadObjectId.toLowerCase())) return 'admin';
    const roster = this.options.roster;
    if (!roster) return undefined;
    const key = `${person.tenantId}\n${person.aadObjectId}`.toLowerCase();
    const known = this.remembered.get(key);
    if (known && this.now() - known.at < (this.options.memoryMs ?? MEMORY_MS)) return known.member ? 'team' : undefined;
    const member = await roster.isMember(person);
    if (member === 'unknown') throw new AppError('CONNECTOR_FAILED', 'privacy team roster unreadable');
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(key, { member, at: this.now() });
    return member ? 'team' : undefined;
  }
}
