/**
 * Azurite, the Azure Storage emulator (a devDependency), started per test file on a free port in a
 * temporary folder, telemetry off. Its table service is what STORAGE=azure uses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './boot';
import { freePort } from './ports';
import { scratchDir } from './scratch-dir';

/** Azurite's published development account: a well-known key, not a secret. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  readonly connectionString: string;
  readonly tableUrl: string;
  readonly port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port and data, after `stop()`. */
  restart(): Promise<void>;
  /** Stops it and removes its data. */
  dispose(): Promise<void>;
}

async function accepting(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`azurite did not listen on ${port} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `tls`: serve https with this certificate and accept Entra bearer tokens (Azurite's basic OAuth
 * checks a token's issuer, audience and lifetime, not its signature), as Azure Storage does for
 * AZURE_STORAGE_ACCOUNT_URL with DefaultAzureCredential.
 */
export async function startAzurite(options: { tls?: { cert: string; key: string } } = {}): Promise<Azurite> {
  const location = scratchDir('azurite-');
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(
      path.join(REPO_ROOT, 'node_modules/.bin/azurite-table'),
      [
        ...[
          '--tableHost',
          '127.0.0.1',
          '--tablePort',
          String(port),
          '--location',
          location,
          '--disableTelemetry',
          '--skipApiVersionCheck',
          '--loose',
          '--silent',
        ],
        ...(options.tls ? ['--cert', options.tls.cert, '--key', options.tls.key, '--oauth', 'basic'] : []),
      ],
      { stdio: 'ignore', detached: true },
    );
    await accepting(port, 20_000);
  };
  const kill = async () => {
    // A process killed by a signal keeps exitCode null: signalCode says it is gone.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const running = child;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    try {
      process.kill(-running.pid!, 'SIGKILL');
    } catch {
      running.kill('SIGKILL'); // not a group leader after all
    }
    await exited;
  };
  await launch();
  const scheme = options.tls ? 'https' : 'http';
  const tableUrl = `${scheme}://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  return {
    connectionString: `DefaultEndpointsProtocol=${scheme};AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};TableEndpoint=${tableUrl};`,
    tableUrl,
    port,
    async stop() {
      await kill();
    },
    async restart() {
      await kill();
      await launch();
    },
    async dispose() {
      await kill();
      rmSync(location, { recursive: true, force: true });
    },
  };
}
