// Worker threads do not inherit tsx's loader. tsx's CommonJS hook compiles the TypeScript in
// this thread; its ESM hook (`tsx/esm/api`'s register) would start a loader thread of its own
// for every worker: measured at 58 MB of RSS per idle worker that way, 38 MB this way.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry, on purpose (above) */
require('tsx/cjs/api').register();
require('./console-worker.ts');
