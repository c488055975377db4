/**
 * The console's question "is this person on the privacy team?", answered from the Teams roster of
 * the conversation PRIVACY_TEAM_CHANNEL names: GET /v3/conversations/{channel}/members/{object id}.
 * The connector is reached at the service URL Teams gave the bot when it was installed in a team of
 * the person's tenant (the installation records), as for notices.
 */
import type { PrivacyTeamRoster } from '../console/roles';
import type { Installation } from '../notices/types';
import type { Proactive } from './proactive';
import { rosterMember } from './roster-member';

export class TeamsPrivacyTeamRoster implements PrivacyTeamRoster {
  constructor(
    private readonly proactive: Proactive,
    private readonly channelId: string,
    private readonly installations: { active(): Promise<Installation[]> },
  ) {}

  async isMember(person: { readonly aadObjectId: string; readonly tenantId: string }): Promise<boolean | 'unknown'> {
    const installed = await this.installations.active();
    // The privacy team's own team first (its General channel's id is the team's id), else any team of the tenant.
    const where =
      installed.find((item) => item.teamId === this.channelId) ?? installed.find((item) => item.tenantId.toLowerCase() === person.tenantId.toLowerCase());
    if (!where) return 'unknown';
    const reference = { ...where.reference, conversation: { id: this.channelId, conversationType: 'channel', tenantId: where.tenantId, isGroup: true } };
    // Teams takes the Entra object id as the member id here; an answer at all means a member.
    const outcome = await this.proactive.inConversation(reference, async (turn) => {
      await rosterMember(turn, person.aadObjectId);
    });
    if (outcome.ok) return true;
    // Teams answers 404 for someone who is not in the conversation's roster.
    return outcome.status === 404 ? false : 'unknown';
  }
}
