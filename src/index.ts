/** Entry point: read the env files and the config, build the app, listen, drain on SIGTERM. */
// First, so an unsupported Node.js is refused with one line before any dependency loads.
import './node-version';
import v8 from 'node:v8';
import { loadEnvFiles } from './env-files';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { errorCode, isAppError } from './errors';
import { startTelemetry } from './telemetry/start';
import { localModeBanner } from './local-mode-banner';

/**
 * A turn leaves almost nothing behind (the heap after a full collection stays near 40 MB), but under
 * load V8 lets the old generation grow up to four times what survived before it collects again, so
 * RSS climbed by 100 MB and more over 20,000 turns. Growing it by 40% instead keeps RSS within a few
 * MB of its size after the first thousand turns (bench:turns). Set at start-up, before the app is
 * built; `node --heap-growing-percent=N` still overrides it.
 */
const HEAP_GROWING_PERCENT = 40;
if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

async function main(): Promise<void> {
  loadEnvFiles();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    // One line naming the variable, nothing else: this is what an operator reads first.
    process.stderr.write(`Configuration error: ${isAppError(err) ? err.message : String(err)}\n`);
    process.exit(1);
  }
  // Before the app is loaded: the Azure Monitor distro asks to be started before anything it may
  // instrument, and the meter the app's metrics take must already be the exporting one.
  const telemetry = startTelemetry(config.telemetry);
  const { buildApp } = await import('./app.js');
  const logger = createLogger(config.logLevel);
  if (config.bot.localMode) {
    logger.warn(
      'LOCAL MODE: BOT_ID is empty, so incoming requests are NOT authenticated. Use this only on your own machine; it is refused when NODE_ENV=production.',
    );
  } else if (config.allowedTenantIds.length === 0) {
    logger.warn(
      'ALLOWED_TENANT_IDS is empty on a MultiTenant bot: people of any organisation can use it, file requests and add it to teams that then receive notices.',
    );
  }
  let app;
  try {
    app = await buildApp(config, { logger });
    const address = await app.listen();
    if (config.bot.localMode) process.stderr.write(localModeBanner(address.port));
  } catch (err) {
    const where = isAppError(err) ? err.details : {};
    logger.fatal({ code: errorCode(err), ...where }, isAppError(err) && err.code !== 'INTERNAL' ? err.message : 'start-up failed');
    process.stderr.write(`Start-up failed: ${isAppError(err) ? err.message : errorCode(err)}\n`);
    process.exit(1);
  }

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'draining and stopping');
    const force = setTimeout(() => {
      logger.error('drain took too long; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    void app
      .stop()
      // What the exporters still hold is sent last, so the drain itself is traced; a collector that is down does not fail the stop.
      .then(() => telemetry.shutdown().catch(() => undefined))
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ code: errorCode(err) }, 'stop failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
