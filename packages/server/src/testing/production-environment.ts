import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../config/config.ts';

/** A complete production configuration (no demo mode): every refusal test removes or spoils one part. */
export function productionEnvironment(): Record<string, string> {
  return {
    KONTAKTA_PUBLIC_URL: 'https://kontakta.region.example',
    KONTAKTA_OIDC_ISSUER: 'https://eid-broker.region.example',
    KONTAKTA_OIDC_CLIENT_SECRET: 'client-secret-from-the-broker',
    KONTAKTA_SMTP_URL: 'smtp://kontakta:mail-password@smtp.region.example:587',
    KONTAKTA_MASTER_KEY: `k1:${randomBytes(32).toString('base64')}`,
  };
}

/** The problems loadConfig lists for an environment, or none. */
export function productionProblems(env: Record<string, string>, cwd = '/srv/kontakta'): string[] {
  try {
    loadConfig(env, cwd);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}
