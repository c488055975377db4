import type { TurnContext } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { isPrivacyAdmin } from '../../src/teams/requester';

const turnFrom = (from: Record<string, unknown> | undefined) => ({ activity: { from } }) as unknown as TurnContext;

describe('who is a privacy admin', () => {
  const adminIds = loadConfig({ PRIVACY_ADMIN_IDS: '6F1C2A3B-0000-4D5E-8F90-ABCDEF012345, 11111111-2222-3333-4444-555555555555' }).privacyAdminIds;

  it('is whoever Teams authenticated with an object id in PRIVACY_ADMIN_IDS, in any letter case', () => {
    expect(isPrivacyAdmin(turnFrom({ id: '29:x', aadObjectId: '6F1C2A3B-0000-4D5E-8F90-abcdef012345' }), adminIds)).toBe(true);
    expect(isPrivacyAdmin(turnFrom({ id: '29:y', aadObjectId: '11111111-2222-3333-4444-555555555555' }), adminIds)).toBe(true);
  });

  it('is nobody else: another id, a missing one, or a display name that looks like an admin id', () => {
    expect(isPrivacyAdmin(turnFrom({ id: '29:z', aadObjectId: '99999999-2222-3333-4444-555555555555' }), adminIds)).toBe(false);
    expect(isPrivacyAdmin(turnFrom({ id: '29:z', name: '11111111-2222-3333-4444-555555555555' }), adminIds)).toBe(false);
    expect(isPrivacyAdmin(turnFrom(undefined), adminIds)).toBe(false);
  });
});
