#!/usr/bin/env node
// The CLI is TypeScript over the same lib/ the extension uses; tsx compiles it on the fly so a
// fresh clone needs only `npm ci` before `npx dalel`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
