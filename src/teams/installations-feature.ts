/**
 * Learns where the bot is installed from Teams' own events, for notices. Only team installs
 * matter here: a personal or group-chat install has no channel to post notices to.
 */
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { InstallationRegistry } from '../notices/installations';
import { activityTenantId } from './tenant';
import type { Feature, InstallationEvent } from './feature';
import { referenceOf } from './proactive';

export class InstallationsFeature implements Feature {
  readonly name = 'installations';

  constructor(
    private readonly registry: InstallationRegistry,
    private readonly logger: Logger,
  ) {}

  async onInstallation(turn: TurnContext, event: InstallationEvent): Promise<void> {
    const team = (turn.activity.channelData as { team?: { id?: unknown; name?: unknown } } | undefined)?.team;
    if (!team || typeof team.id !== 'string' || !team.id) return;
    if (event.action === 'remove') {
      await this.registry.remove(team.id);
      this.logger.info({ teamId: team.id, source: event.source }, 'installation removed');
      return;
    }
    const tenantId = activityTenantId(turn.activity) ?? '';
    const reference = referenceOf(turn.activity);
    // The General channel's conversation id is the team id: notices go there, not to a thread.
    const general = { ...reference, conversation: { ...reference.conversation, id: team.id, conversationType: 'channel', isGroup: true } };
    await this.registry.add({
      teamId: team.id,
      teamName: typeof team.name === 'string' ? team.name.slice(0, 200) : '',
      tenantId,
      reference: general as typeof reference,
      installedAt: new Date().toISOString(),
    });
    this.logger.info({ teamId: team.id, source: event.source }, 'installation recorded');
  }
}
