#!/usr/bin/env -S node --max-semi-space-size=16 --max-old-space-size=512
// Entry point for `npx kontakta`. Node 24 runs the TypeScript sources directly; an older Node
// fails on them with a confusing error, so check first. A static import would be evaluated
// before any check, hence the dynamic one. Keep this file plain JavaScript an old Node can parse.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `Kontakta needs Node.js 24 (this is ${process.versions.node}): run it as \`npx kontakta …\` or with node_modules/.bin/node\n`,
  );
  process.exit(1);
}
await import('../src/cli/main.ts');
