#!/usr/bin/env node
// Entry point for `npx kontakta`. Node 24 runs the TypeScript sources directly.
import '../src/cli/main.ts';
