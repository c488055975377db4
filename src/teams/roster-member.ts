/**
 * One read of a person from the Teams roster (TeamsInfo.getMember), given up after a deadline. Teams
 * expects a card action's invoke to be answered within about five seconds, while the SDK's own tries of
 * a failing roster call (waits of 1, 2 and 4 s) or a connector that never answers would hold the turn
 * far longer, with the person left looking at a spinner: past the deadline the read counts as failed,
 * and the caller refuses as for any unreadable roster ("try again in a moment").
 */
import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';

/** Leaves the turn time to answer within Teams' five seconds after the roster is given up. */
export const ROSTER_DEADLINE_MS = 3_000;

export class RosterDeadlineError extends Error {
  constructor(deadlineMs: number) {
    super(`the Teams roster did not answer within ${deadlineMs} ms`);
    this.name = 'RosterDeadlineError';
  }
}

export async function rosterMember(turn: TurnContext, memberId: string, deadlineMs = ROSTER_DEADLINE_MS): Promise<TeamsChannelAccount> {
  const read = TeamsInfo.getMember(turn, memberId);
  // A read given up on may still fail later, when nobody waits for it any more.
  read.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RosterDeadlineError(deadlineMs)), deadlineMs);
  });
  try {
    return await Promise.race([read, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
