/**
 * A Table Storage endpoint that takes the connection and never answers (a service restarting, a
 * connection left half-open) must not hold a caller for good: each call gives up after the store's
 * call timeout with the storage error callers already handle, so a work-runner pass ends and a
 * graceful stop can finish. A raw TCP server stands in for the silent endpoint.
 */
import net from 'node:net';
import { AppError } from '../../src/errors';
import { AzureTableStore } from '../../src/storage/azure-store';

describe('Azure Table Storage that never answers', () => {
  let server: net.Server;
  const sockets = new Set<net.Socket>();
  let store: AzureTableStore;

  beforeAll(async () => {
    // Accepts, reads and never writes a byte back.
    server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const key = Buffer.from('a key for a silent endpoint').toString('base64');
    store = new AzureTableStore({
      connectionString: `DefaultEndpointsProtocol=http;AccountName=silent;AccountKey=${key};TableEndpoint=http://127.0.0.1:${port}/silent;`,
      accountName: 'silent',
      callTimeoutMs: 300,
    });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives up on a read, a write and a list with a storage error instead of waiting for good', async () => {
    for (const call of [() => store.get('requests', 'a'), () => store.put('requests', 'a', { n: 1 }), () => store.list('requests')]) {
      const failure = await call().then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).code).toBe('STORAGE_UNAVAILABLE');
    }
  });
});
