/**
 * Records written straight into a DATA_DIR the way the file store keeps them, before the bot boots:
 * to give a test or a benchmark tens of thousands of records without a flushed write each.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unansweredKey } from '../../src/questions/content-gaps';

export function plantRecords(dataDir: string, collection: string, records: Iterable<{ key: string; value: unknown }>): number {
  const dir = path.join(dataDir, collection);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let count = 0;
  for (const { key, value } of records) {
    writeFileSync(path.join(dir, `${Buffer.from(key).toString('base64url')}.json`), JSON.stringify({ key, etag: randomUUID(), value }), { mode: 0o600 });
    count++;
  }
  return count;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A made-up word: letters only, so no two questions share words by chance. */
export function nonsenseWord(random: () => number = Math.random): string {
  return Array.from({ length: 8 }, () => LETTERS[Math.floor(random() * LETTERS.length)]).join('');
}

/**
 * `count` made-up words of 8 letters, space-separated: one call to the random source for all of them,
 * as tens of thousands of planted questions of 30 words each took seconds one letter at a time.
 */
function nonsenseWords(count: number): string {
  const bytes = randomBytes(count * 8);
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += (i > 0 && i % 8 === 0 ? ' ' : '') + LETTERS[bytes[i] % LETTERS.length];
  return text;
}

/**
 * `count` unanswered questions of `words` made-up words each (what anyone could type), asked over
 * the `days` before `now`, keyed as the bot keys them; and `repeated` copies of `common` among them.
 */
export function* unansweredQuestions(
  count: number,
  options: { now: number; days?: number; words?: number; common?: string; repeated?: number; key?: (at: number, id: string) => string },
): Generator<{ key: string; value: { text: string; at: string } }> {
  const { now, days = 20, words = 12, common, repeated = 0, key = unansweredKey } = options;
  // The copies of `common` are spread evenly through the period.
  const every = repeated > 0 ? Math.floor(count / repeated) : Infinity;
  for (let i = 0; i < count; i++) {
    const at = now - Math.floor(((count - i) / count) * days * 86_400_000);
    const isCopy = common !== undefined && i % every === 0 && i / every < repeated;
    const text = isCopy ? common : nonsenseWords(words);
    yield { key: key(at, randomUUID()), value: { text, at: new Date(at).toISOString() } };
  }
}
