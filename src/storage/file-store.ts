/**
 * The embedded store: one JSON file per record under DATA_DIR/<collection>/, for a single instance.
 * Each write goes to a temporary file, is flushed, renamed over the old one and the directory flushed,
 * so a crash leaves either the old record or the new one, never half of one. Reads come from an
 * in-memory copy loaded once per collection, with its keys kept sorted for range listings; this
 * process is the only writer. Writes to different keys run side by side (the disk's flushes overlap);
 * writes to one key run one after another, which is all a conditional write needs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { sortedIndex } from './sorted-keys';
import { COLLECTION_NAME, storageConflict, type KeyRange, type Store, type StoredItem, type WriteCondition } from './store';

interface FileRecord {
  key: string;
  etag: string;
  value: unknown;
}

/** A collection in memory: its records, and their keys in ascending order. */
interface Collection {
  readonly records: Map<string, FileRecord>;
  readonly keys: string[];
}

export class FileStore implements Store {
  readonly description: string;
  readonly sharedByInstances = false;
  private readonly collections = new Map<string, Promise<Collection>>();
  /** Serialises writes per record: a conditional write checks and writes without interleaving. */
  private readonly writeChains = new Map<string, Promise<unknown>>();

  constructor(private readonly dir: string) {
    this.description = `file:${dir}`;
  }

  async get<T>(collection: string, key: string): Promise<StoredItem<T> | undefined> {
    const record = (await this.load(collection)).records.get(key);
    return record && toItem<T>(record);
  }

  async put<T>(collection: string, key: string, value: T, condition?: WriteCondition): Promise<StoredItem<T>> {
    return this.serialised(collection, key, async () => {
      const loaded = await this.load(collection);
      const existing = loaded.records.get(key);
      checkCondition(collection, key, existing, condition);
      const record: FileRecord = { key, etag: newEtag(), value: structuredClone(value) };
      await writeAtomically(this.fileFor(collection, key), JSON.stringify(record));
      if (!loaded.records.has(key)) loaded.keys.splice(sortedIndex(loaded.keys, key), 0, key);
      loaded.records.set(key, record);
      return toItem<T>(record);
    });
  }

  async delete(collection: string, key: string, condition?: { etag: string }): Promise<boolean> {
    return this.serialised(collection, key, async () => {
      const loaded = await this.load(collection);
      const existing = loaded.records.get(key);
      if (!existing) {
        if (condition) throw storageConflict(collection, key);
        return false;
      }
      checkCondition(collection, key, existing, condition);
      await fs.rm(this.fileFor(collection, key), { force: true });
      await syncDirectory(path.join(this.dir, collection));
      if (loaded.records.delete(key)) loaded.keys.splice(sortedIndex(loaded.keys, key), 1);
      return true;
    });
  }

  async list<T>(collection: string, options: { prefix?: string } = {}): Promise<StoredItem<T>[]> {
    const { records, keys } = await this.load(collection);
    const prefix = options.prefix ?? '';
    const items: StoredItem<T>[] = [];
    for (let i = sortedIndex(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) items.push(toItem<T>(records.get(keys[i])!));
    return items;
  }

  async listRange<T>(collection: string, range: KeyRange): Promise<StoredItem<T>[]> {
    const { records, keys } = await this.load(collection);
    const items: StoredItem<T>[] = [];
    const prefix = range.prefix ?? '';
    const from = range.from !== undefined && range.from > prefix ? range.from : prefix;
    for (let i = sortedIndex(keys, from); i < keys.length && items.length < range.limit; i++) {
      if ((range.to !== undefined && keys[i] >= range.to) || !keys[i].startsWith(prefix)) break;
      items.push(toItem<T>(records.get(keys[i])!));
    }
    return items;
  }

  async ping(): Promise<void> {
    await makePrivateDirectory(this.dir);
    await fs.access(this.dir, constants.R_OK | constants.W_OK);
  }

  async close(): Promise<void> {
    await Promise.all([...this.writeChains.values()].map((chain) => chain.catch(() => undefined)));
  }

  private fileFor(collection: string, key: string): string {
    // Keys may hold any character (Teams ids contain ':' and '@'); file names get a safe encoding.
    // Long keys would pass the file system's 255-byte name limit: they get a hash instead. Either
    // way the record itself carries its key, which is what listing reads.
    const encoded = Buffer.from(key).toString('base64url');
    const name = encoded.length <= 150 ? encoded : `h-${createHash('sha256').update(key).digest('hex')}`;
    return path.join(this.dir, collection, `${name}.json`);
  }

  private load(collection: string): Promise<Collection> {
    if (!COLLECTION_NAME.test(collection)) {
      throw new AppError('INTERNAL', `invalid collection name ${collection}`, { collection });
    }
    let loaded = this.collections.get(collection);
    if (!loaded) {
      loaded = readCollection(path.join(this.dir, collection));
      this.collections.set(collection, loaded);
      // A failed load (unreadable directory) is retried on the next call rather than cached.
      loaded.catch(() => this.collections.delete(collection));
    }
    return loaded;
  }

  private serialised<R>(collection: string, key: string, work: () => Promise<R>): Promise<R> {
    const chain = `${collection}/${key}`;
    const previous = this.writeChains.get(chain) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.writeChains.set(chain, next);
    // The chain is forgotten once idle, so a long-lived process does not keep one per key ever written.
    void next
      .catch(() => undefined)
      .finally(() => {
        if (this.writeChains.get(chain) === next) this.writeChains.delete(chain);
      });
    return next;
  }
}

/**
 * Records hold personal data and the form-token key: only the bot's own user may read them. Folders
 * and files made before this rule are put right as they are loaded.
 */
const PRIVATE_DIRECTORY = 0o700;
const PRIVATE_FILE = 0o600;

async function makePrivateDirectory(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIRECTORY });
  await fs.chmod(dir, PRIVATE_DIRECTORY);
}

async function readCollection(dir: string): Promise<Collection> {
  await makePrivateDirectory(path.dirname(dir));
  await makePrivateDirectory(dir);
  const records = new Map<string, FileRecord>();
  for (const name of await fs.readdir(dir)) {
    // Leftover temporary files are writes that never completed: the record they replace still stands.
    if (!name.endsWith('.json')) continue;
    const file = path.join(dir, name);
    await fs.chmod(file, PRIVATE_FILE);
    let record: FileRecord;
    try {
      record = JSON.parse(await fs.readFile(file, 'utf8')) as FileRecord;
    } catch (err) {
      throw new AppError('STORAGE_CORRUPT', `unreadable record ${file}`, { file }, { cause: err });
    }
    records.set(record.key, record);
  }
  const keys = [...records.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { records, keys };
}

async function writeAtomically(file: string, contents: string): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`;
  const handle = await fs.open(temp, 'w', PRIVATE_FILE);
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
  await syncDirectory(path.dirname(file));
}

/**
 * Flushes the directory entry so a rename survives power loss, not just a process crash. Writes that
 * land together share one flush: a caller joins the next flush to start after its own rename (one
 * already running may have begun before it), so each is covered and a burst costs two flushes, not one each.
 */
const directoryFlushes = new Map<string, { running?: Promise<void>; next?: Promise<void> }>();

function syncDirectory(dir: string): Promise<void> {
  const state = directoryFlushes.get(dir) ?? {};
  directoryFlushes.set(dir, state);
  if (!state.running) {
    const running = flushDirectory(dir).finally(() => {
      if (state.running === running) state.running = undefined;
      if (!state.running && !state.next) directoryFlushes.delete(dir);
    });
    state.running = running;
    return running;
  }
  state.next ??= state.running
    .catch(() => undefined)
    .then(() => {
      state.next = undefined;
      return syncDirectory(dir);
    });
  return state.next;
}

async function flushDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function checkCondition(collection: string, key: string, existing: FileRecord | undefined, condition?: WriteCondition): void {
  if (!condition) return;
  if ('ifAbsent' in condition ? existing !== undefined : existing?.etag !== condition.etag) {
    throw storageConflict(collection, key);
  }
}

function newEtag(): string {
  return randomUUID();
}

function toItem<T>(record: FileRecord): StoredItem<T> {
  return { key: record.key, etag: record.etag, value: structuredClone(record.value) as T };
}
