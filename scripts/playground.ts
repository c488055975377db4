/**
 * The Microsoft 365 Agents Playground pointed at the bot: one command line for `npm run dev` and for
 * the browser tests, so both chat with the bot the same way.
 */
import path from 'node:path';

export function playgroundCommand(root: string, botPort: number, port: number) {
  return {
    command: path.join(root, 'node_modules/.bin/agentsplayground'),
    args: ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(port), '--dt'],
    // Without TEAMSAPPTESTER_BROWSER=none the Playground tries to open a browser itself and, where
    // there is none, exits without a word.
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
  };
}

/** True once `url` answers HTTP at all (any status), false if it has not within `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}
