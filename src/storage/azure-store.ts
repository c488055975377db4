/** Placeholder until STORAGE=azure lands (issue 5): fail start-up clearly rather than pretend. */
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Store } from './store';

export async function createAzureStore(_config: Config): Promise<Store> {
  throw new AppError('CONFIG_INVALID', 'STORAGE: azure is not available in this build yet', { variable: 'STORAGE' });
}
