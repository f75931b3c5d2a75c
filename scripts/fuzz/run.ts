/**
 * npm run fuzz [-- extra schemathesis options]
 *
 * Fuzzes the whole HTTP API from its own OpenAPI document with schemathesis: starts
 * the server (`server/main.ts`, as `npm start` does) with a throwaway local Neo4j on
 * free ports and a temporary data directory, so the bundled corpus is loaded; runs
 * `st run` against GET /api/openapi.json with the checks for server errors and
 * conformance to the documented statuses, content types and response schemas;
 * then stops the server (and with it Neo4j) and removes the directory. Exit code:
 * schemathesis's. Uploads are fuzzed too, with the token the server is given.
 *
 * Needs schemathesis in .data/fuzz-venv (created on first run: python3 -m venv,
 * pip install schemathesis). Reports go to .data/fuzz/ (JUnit XML, NDJSON events).
 * Not part of `npm test`: it takes minutes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';
import { runScript } from '../run-script.ts';
import { withThrowawayServer } from '../server-process.ts';

const VENV = path.join(PROJECT_ROOT, '.data/fuzz-venv');
const ST = path.join(VENV, 'bin/st');
const REPORTS = path.join(PROJECT_ROOT, '.data/fuzz');
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance', 'response_headers_conformance'];

function ensureSchemathesis(): void {
  if (existsSync(ST)) return;
  console.log('fuzz: installing schemathesis into .data/fuzz-venv …');
  for (const [cmd, args] of [
    ['python3', ['-m', 'venv', VENV]],
    [path.join(VENV, 'bin/pip'), ['install', '--quiet', 'schemathesis']],
  ] as const) {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
  }
}

async function main(): Promise<number> {
  ensureSchemathesis();
  const token = randomBytes(18).toString('base64url');
  const env = { NEO4J_HEAP: '512m', ADMIN_TOKEN: token, RATE_LIMIT_CYPHER: '0', RATE_LIMIT_SEARCH: '0', LOG_LEVEL: 'error' };
  return withThrowawayServer('fuzz', env, async (server) => {
    const base = server.url;
    await mkdir(REPORTS, { recursive: true });
    const args = [
      'run',
      `${base}/api/openapi.json`,
      '--checks',
      CHECKS.join(','),
      '--header',
      `Authorization: Bearer ${token}`,
      '--workers',
      '2',
      '--max-examples',
      '50',
      '--seed',
      '8',
      '--request-timeout',
      '30',
      '--report',
      'junit,ndjson',
      '--report-dir',
      REPORTS,
      '--no-color',
      ...process.argv.slice(2),
    ];
    console.log(`fuzz: st ${args.join(' ').replace(token, '<token>')}`);
    const st = spawn(ST, args, { stdio: 'inherit' });
    return await new Promise<number>((resolve) => st.once('exit', (code) => resolve(code ?? 1)));
  });
}

runScript('fuzz', main);
