/** Everything the file store wrote under a DATA_DIR, as one text: to check what is, and is not, kept anywhere. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function storedText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}
