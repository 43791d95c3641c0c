// The Kontakta server: configuration, storage, registers, HTTP and the command line.
export { type Config, ConfigError, loadConfig } from './config/config.ts';
export { buildApp } from './http/app.ts';
export { type RunningServer, startServer } from './server.ts';
export { type Database, openDatabase } from './storage/database.ts';
export { migrateToLatest } from './storage/migrator.ts';
