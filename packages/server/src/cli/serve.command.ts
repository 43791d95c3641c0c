import type { Config } from '../config/config.ts';
import { closeOnSignals, startServer } from '../server.ts';
import { seedDemo } from './seed.command.ts';

export async function serveCommand(config: Config, options: { demo?: boolean | undefined }): Promise<void> {
  const server = await startServer(config, {
    beforeListen: options.demo ? (database) => seedDemo(config, database).then(() => {}) : undefined,
  });
  closeOnSignals(server, config.shutdownGraceMs);
  // SIGHUP is the operators' "reload your configuration": here, the master key file.
  process.on('SIGHUP', () => server.reloadKeys());
  server.app.log.info(`Kontakta is running at ${config.publicUrl}${config.demo ? ' (demo mode)' : ''}`);
  if (config.identity.devIdp) {
    server.app.log.warn(
      `Development e-ID provider at ${config.identity.citizen.issuer}: anyone can log in as any test person (demo mode only)`,
    );
  }
}
