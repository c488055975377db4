/**
 * Where the bot is installed, learnt from Teams' own events. One record per team, keyed by team id:
 * Teams announces an install twice (installationUpdate and conversationUpdate), and writing the same
 * key twice is the deduplication.
 */
import { pageAfterKey, unlessConflict, type Store } from '../storage/store';
import type { Installation } from './types';

export const INSTALLATIONS_COLLECTION = 'installations';

export class InstallationRegistry {
  constructor(private readonly store: Pick<Store, 'get' | 'put' | 'delete' | 'list' | 'listRange'>) {}

  async add(installation: Installation): Promise<void> {
    const existing = await this.store.get<Installation>(INSTALLATIONS_COLLECTION, installation.teamId);
    // Keep the first install time; a re-add clears a stale mark (the bot is evidently back).
    const record: Installation = { ...installation, installedAt: existing?.value.installedAt ?? installation.installedAt };
    await this.store.put(INSTALLATIONS_COLLECTION, installation.teamId, record);
  }

  async remove(teamId: string): Promise<boolean> {
    return this.store.delete(INSTALLATIONS_COLLECTION, teamId);
  }

  async get(teamId: string): Promise<Installation | undefined> {
    return (await this.store.get<Installation>(INSTALLATIONS_COLLECTION, teamId))?.value;
  }

  /** Installations a notice can go to: stale ones are left out until Teams tells us they are back. */
  async active(): Promise<Installation[]> {
    return (await this.store.list<Installation>(INSTALLATIONS_COLLECTION)).map((item) => item.value).filter((item) => !item.staleSince);
  }

  /**
   * A page of installations in team-id order, after `cursor` (the previous page's `next`): the active
   * ones, and where the next page starts (absent on the last page). A notice to every team lists
   * them this way, a page per turn.
   */
  async activePage(cursor: string | undefined, limit: number): Promise<{ active: Installation[]; next?: string }> {
    const page = await pageAfterKey<Installation>(this.store, INSTALLATIONS_COLLECTION, { after: cursor, limit });
    return { active: page.items.map((row) => row.value).filter((item) => !item.staleSince), ...(page.more ? { next: page.items.at(-1)!.key } : {}) };
  }

  async markStale(teamId: string, at: Date): Promise<void> {
    const existing = await this.store.get<Installation>(INSTALLATIONS_COLLECTION, teamId);
    if (existing && !existing.value.staleSince) {
      // Lost to a concurrent write (a re-install, another instance marking it): that write stands.
      await unlessConflict(this.store.put(INSTALLATIONS_COLLECTION, teamId, { ...existing.value, staleSince: at.toISOString() }, { etag: existing.etag }));
    }
  }
}
