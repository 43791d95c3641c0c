import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Issue 20 pt 5 (memory): libraries that only some processes need are loaded on first use, not
// with the server's code. Each costs tens of megabytes of resident memory in every process
// that loads it: pdfkit (the password letter, the record copy), nodemailer (only a process that
// delivers e-mail) and oidc-provider (the development e-ID provider, connected services).

const LOADED_ON_FIRST_USE = ['pdfkit', 'nodemailer', 'oidc-provider'];

/** The npm packages a fresh Node process has loaded once it has imported `module`. */
async function packagesLoadedBy(module: string): Promise<string[]> {
  const recorder = `
    import { registerHooks } from 'node:module';
    const loaded = new Set();
    registerHooks({ load(url, context, next) {
      const name = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(url)?.[1];
      if (name) loaded.add(name);
      return next(url, context);
    } });
    process.on('exit', () => process.stdout.write(JSON.stringify([...loaded])));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(recorder)}`,
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(module)});`,
    ],
    { cwd: import.meta.dirname },
  );
  return JSON.parse(stdout);
}

describe("the server's start-up footprint", () => {
  it('imports the server without loading pdfkit, nodemailer or oidc-provider', { timeout: 120_000 }, async () => {
    const loaded = await packagesLoadedBy(new URL('./server.ts', import.meta.url).href);
    // The recorder works: the server's own libraries are seen.
    expect(loaded).toEqual(expect.arrayContaining(['fastify', 'kysely']));
    expect(loaded.filter((name) => LOADED_ON_FIRST_USE.includes(name))).toEqual([]);
  });
});
