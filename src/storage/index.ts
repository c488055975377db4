/** Picks the store the configuration asks for. */
import type { Config } from '../config';
import { FileStore } from './file-store';
import type { Store } from './store';

export async function createStore(config: Config): Promise<Store> {
  if (config.storage.kind === 'azure') {
    // Loaded only when asked for, so the file-store default never pulls in the Azure SDKs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createAzureStore } = require('./azure-store') as typeof import('./azure-store');
    return createAzureStore(config);
  }
  return new FileStore(config.dataDir);
}
