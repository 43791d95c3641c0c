import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './server-node-flags.ts';

// Every way of starting a server runs it with the same Node flags (server-node-flags.ts).

const read = (path: string) => fs.readFileSync(new URL(path, import.meta.url), 'utf8');

describe("the server's Node flags", () => {
  const flags = SERVER_NODE_FLAGS.join(' ');

  it('are on the container entry point, between Node and the bin script', () => {
    const entry = /^ENTRYPOINT (.+)$/m.exec(read('../../../Dockerfile'))?.[1] ?? '';
    const argv = JSON.parse(entry) as string[];
    expect(argv.slice(1, 1 + SERVER_NODE_FLAGS.length)).toEqual(SERVER_NODE_FLAGS);
    expect(argv[1 + SERVER_NODE_FLAGS.length]).toMatch(/bin\/kontakta\.js$/);
  });

  it('are on the systemd unit and the bin script’s first line', () => {
    expect(read('../../../deploy/systemd/kontakta.service')).toMatch(
      new RegExp(`^ExecStart=\\S+/node ${flags} \\S+/bin/kontakta\\.js serve$`, 'm'),
    );
    expect(read('../bin/kontakta.js').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${flags}`);
  });
});
