import { createApp } from './compose';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp(config, log);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const address = await app.listen();
  log.info({ host: address.address, port: address.port, localMode: config.localMode }, 'Opbakning listening on /api/messages');
  if (config.localMode) log.warn('Local mode: MicrosoftAppId is empty, so requests are not authenticated; listening on loopback only.');

  // Retention and reminders: every instance sweeps hourly; each message is claimed with the eTag, so it is sent once.
  // Counts only (warned, deleted, sent, undelivered, failed): nothing about who or which case.
  const sweep = () =>
    app.sweep().then(
      (r) => log.info({ ...r.counts, failed: r.failed }, 'case sweep'),
      (e: unknown) => log.error({ err: (e as Error).name }, 'case sweep failed'),
    );
  setTimeout(sweep, 60_000).unref();
  setInterval(sweep, 3_600_000).unref();

  const stop = (signal: string) => {
    log.info({ signal }, 'stopping');
    void app.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();
