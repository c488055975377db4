/**
 * The Store on Azure Table Storage, for several instances sharing one state. Each collection is a
 * table; each record an entity whose ETag gives the conditional writes the work queue's leases and
 * the request and notice records rely on, so two instances never overwrite each other's writes.
 *
 * Keys become RowKeys with the characters Table Storage forbids (/ \ # ? % and controls) escaped
 * one by one, which keeps prefixes as prefixes: `list({ prefix })` is a RowKey range query.
 * Values are JSON split over properties of at most 30,000 characters (a property holds 64 KB).
 */
import { DefaultAzureCredential } from '@azure/identity';
import { TableClient, TableServiceClient, type TableEntity, type TableServiceClientOptions } from '@azure/data-tables';
import { storageAccountName, type Config } from '../config';
import { AppError } from '../errors';
import { storageConflict, type KeyRange, type Store, type StoredItem, type WriteCondition } from './store';

const PARTITION = 'k';
const CHUNK = 30_000;
const TABLE_PREFIX = 'pa';

/** Fail fast: /healthz must turn 503 within seconds, and a retried write is retried by the caller. */
const CLIENT_OPTIONS: TableServiceClientOptions = {
  allowInsecureConnection: true,
  retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
};

type Entity = TableEntity<Record<string, unknown>>;

/**
 * The longest one call may wait for an answer. The SDK sets none, and a connection the service left
 * half-open (a restart, a network drop) would otherwise hold the caller for good: a work-runner pass,
 * and with it a graceful stop. A whole collection listed page by page gets several times as long.
 */
const CALL_TIMEOUT_MS = 10_000;
const LIST_TIMEOUT_FACTOR = 6;

export interface AzureStoreOptions {
  readonly connectionString?: string;
  readonly accountUrl?: string;
  readonly accountName: string;
  /** How long one call may wait for an answer (CALL_TIMEOUT_MS unless set). */
  readonly callTimeoutMs?: number;
}

export class AzureTableStore implements Store {
  readonly description: string;
  readonly sharedByInstances = true;
  private readonly service: TableServiceClient;
  private readonly tables = new Map<string, { client: TableClient; ready: Promise<void> }>();
  private readonly tableClient: (table: string) => TableClient;
  private readonly callTimeoutMs: number;

  constructor(options: AzureStoreOptions) {
    this.callTimeoutMs = options.callTimeoutMs ?? CALL_TIMEOUT_MS;
    this.description = `azure table storage (account ${options.accountName})`;
    if (options.connectionString) {
      const connectionString = options.connectionString;
      this.service = TableServiceClient.fromConnectionString(connectionString, CLIENT_OPTIONS);
      this.tableClient = (table) => TableClient.fromConnectionString(connectionString, table, CLIENT_OPTIONS);
    } else {
      const url = tableEndpoint(options.accountUrl ?? '');
      // Managed identity in Azure, a developer's sign-in locally: no keys in configuration.
      const credential = new DefaultAzureCredential();
      this.service = new TableServiceClient(url, credential, CLIENT_OPTIONS);
      this.tableClient = (table) => new TableClient(url, table, credential, CLIENT_OPTIONS);
    }
  }

  async get<T>(collection: string, key: string): Promise<StoredItem<T> | undefined> {
    const client = await this.table(collection);
    try {
      const entity = await client.getEntity<Record<string, unknown>>(PARTITION, encodeKey(key), this.bounded());
      return { key, value: decodeValue<T>(entity), etag: entity.etag };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw storageError(err, 'read');
    }
  }

  async put<T>(collection: string, key: string, value: T, condition?: WriteCondition): Promise<StoredItem<T>> {
    const client = await this.table(collection);
    const entity: Entity = { partitionKey: PARTITION, rowKey: encodeKey(key), ...encodeValue(value) };
    try {
      const response =
        condition && 'ifAbsent' in condition
          ? await client.createEntity(entity, this.bounded())
          : condition
            ? await client.updateEntity(entity, 'Replace', { etag: condition.etag, ...this.bounded() })
            : await client.upsertEntity(entity, 'Replace', this.bounded());
      return { key, value, etag: response.etag ?? '' };
    } catch (err) {
      const status = statusOf(err);
      // 409: it exists (ifAbsent); 412: someone wrote since; 404: it was deleted since (etag).
      if (status === 409 || status === 412 || (status === 404 && condition)) throw storageConflict(collection, key);
      throw storageError(err, 'write');
    }
  }

  async delete(collection: string, key: string, condition?: { readonly etag: string }): Promise<boolean> {
    const client = await this.table(collection);
    try {
      await client.deleteEntity(PARTITION, encodeKey(key), { etag: condition?.etag ?? '*', ...this.bounded() });
      return true;
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) return false;
      if (status === 412) throw storageConflict(collection, key);
      throw storageError(err, 'delete');
    }
  }

  async list<T>(collection: string, options: { readonly prefix?: string } = {}): Promise<StoredItem<T>[]> {
    const client = await this.table(collection);
    const filter = options.prefix ? prefixFilter(encodeKey(options.prefix)) : `PartitionKey eq '${PARTITION}'`;
    const items: StoredItem<T>[] = [];
    try {
      for await (const entity of client.listEntities<Record<string, unknown>>({ queryOptions: { filter }, ...this.bounded(LIST_TIMEOUT_FACTOR) })) {
        items.push({ key: decodeKey(String(entity.rowKey)), value: decodeValue<T>(entity), etag: entity.etag });
      }
    } catch (err) {
      throw storageError(err, 'list');
    }
    return items;
  }

  async listRange<T>(collection: string, range: KeyRange): Promise<StoredItem<T>[]> {
    const client = await this.table(collection);
    const bounds = [
      range.prefix ? prefixFilter(encodeKey(range.prefix)) : `PartitionKey eq '${PARTITION}'`,
      ...(range.from !== undefined ? [`RowKey ge ${quoted(encodeKey(range.from))}`] : []),
      ...(range.to !== undefined ? [`RowKey lt ${quoted(encodeKey(range.to))}`] : []),
    ];
    const items: StoredItem<T>[] = [];
    if (range.limit <= 0) return items;
    try {
      // $top bounds each page to what is still wanted, so the service reads no more than that; a
      // page may come back short with a continuation, hence the loop.
      const pages = client
        .listEntities<Record<string, unknown>>({ queryOptions: { filter: bounds.join(' and ') }, ...this.bounded() })
        .byPage({ maxPageSize: range.limit });
      for await (const page of pages) {
        for (const entity of page) {
          if (items.length < range.limit) items.push({ key: decodeKey(String(entity.rowKey)), value: decodeValue<T>(entity), etag: entity.etag });
        }
        if (items.length >= range.limit) break;
      }
    } catch (err) {
      throw storageError(err, 'list');
    }
    return items;
  }

  async ping(): Promise<void> {
    try {
      await this.service.getProperties({ abortSignal: AbortSignal.timeout(2500) });
    } catch (err) {
      throw storageError(err, 'ping');
    }
  }

  async close(): Promise<void> {
    // HTTP clients hold no resources that need closing.
  }

  /** Options that give up on a call with no answer after `factor` call timeouts. */
  private bounded(factor = 1): { abortSignal: AbortSignal } {
    return { abortSignal: AbortSignal.timeout(this.callTimeoutMs * factor) };
  }

  /** The collection's table, created on first use by whichever instance gets there first. */
  private async table(collection: string): Promise<TableClient> {
    let entry = this.tables.get(collection);
    if (!entry) {
      const name = `${TABLE_PREFIX}${collection}`;
      const client = this.tableClient(name);
      const ready = client.createTable(this.bounded()).catch((err: unknown) => {
        if (statusOf(err) === 409) return; // another instance created it first
        this.tables.delete(collection);
        throw storageError(err, 'create table');
      });
      entry = { client, ready };
      this.tables.set(collection, entry);
    }
    await entry.ready;
    return entry.client;
  }
}

export async function createAzureStore(config: Config): Promise<Store> {
  return new AzureTableStore({
    connectionString: config.storage.connectionString || undefined,
    accountUrl: config.storage.accountUrl || undefined,
    accountName: storageAccountName(config),
  });
}

/** AZURE_STORAGE_ACCOUNT_URL may name the blob endpoint (as for Bot Framework state) or the table one. */
export function tableEndpoint(accountUrl: string): string {
  const url = new URL(accountUrl);
  url.hostname = url.hostname.replace('.blob.', '.table.').replace('.queue.', '.table.');
  return url.toString().replace(/\/$/, '');
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what Table Storage refuses in keys
const FORBIDDEN = /[%/\\#?\u0000-\u001f\u007f-\u009f]/g;

export function encodeKey(key: string): string {
  return key.replace(FORBIDDEN, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

export function decodeKey(rowKey: string): string {
  return rowKey.replace(/%([0-9A-F]{4})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** RowKeys from the prefix up to, not including, the prefix with its last character incremented. */
function prefixFilter(prefix: string): string {
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return `PartitionKey eq '${PARTITION}' and RowKey ge ${quoted(prefix)} and RowKey lt ${quoted(upper)}`;
}

function quoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function encodeValue(value: unknown): Record<string, string | number> {
  const json = JSON.stringify(value);
  const properties: Record<string, string | number> = { n: Math.ceil(json.length / CHUNK) };
  for (let i = 0; i * CHUNK < json.length; i++) properties[`v${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return properties;
}

function decodeValue<T>(entity: Record<string, unknown>): T {
  const count = Number(entity.n ?? 0);
  let json = '';
  for (let i = 0; i < count; i++) json += String(entity[`v${i}`] ?? '');
  try {
    return JSON.parse(json) as T;
  } catch (cause) {
    throw new AppError('STORAGE_CORRUPT', 'a stored record is not valid JSON', {}, { cause });
  }
}

function statusOf(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function storageError(err: unknown, operation: string): AppError {
  if (err instanceof AppError) return err;
  return new AppError('STORAGE_UNAVAILABLE', `azure table storage: ${operation} failed`, { operation, status: statusOf(err) ?? 0 }, { cause: err });
}
