/**
 * npm run soak [-- --connections 100 --duration 60 --reports <dir>]
 *
 * Load test: starts the server (server/main.ts, as `npm start`) as a child process,
 * with a throwaway local Neo4j loaded with the bundled corpus (and, with --reports,
 * the reports of that directory, e.g. from `npm run synth -- --count 200 --out dir`),
 * then drives it with autocannon: N connections for D seconds over search, node
 * details, neighbourhoods and the Cypher console. Rate limits are off for the run
 * (one client would otherwise be throttled by design).
 *
 * The load runs in rounds (default 2), each followed by a pause to settle. V8 keeps
 * the heap it grew to for a while rather than return it to the system, so the RSS
 * after the first round stays above the cold baseline whether or not anything leaks;
 * a leak shows as growth from one round to the next. Prints the figures and writes
 * them to .data/soak/last.json: requests, latency percentiles, status codes,
 * client-side errors and timeouts, the server's RSS (baseline after a warm-up, peak,
 * after each round has settled). Exit 1 on a 5xx, any other non-2xx, a client error
 * or timeout, or an RSS after the last round more than 10 % (and 16 MB) above the
 * RSS after the first. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import { Command, InvalidArgumentError } from 'commander';
import { PROJECT_ROOT } from '../server/config.ts';
import { runScript } from './run-script.ts';
import { processRssMb, withThrowawayServer } from './server-process.ts';

const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number');
  return n;
};
const opts = new Command('soak')
  .option('-c, --connections <n>', 'concurrent connections', positive, 100)
  .option('-d, --duration <s>', 'seconds of load', positive, 60)
  .option('--reports <dir>', 'also load every *.txt of this directory')
  .option('--settle <s>', 'seconds to let the server settle after each round', positive, 20)
  .option('--rounds <n>', 'rounds of load', positive, 2)
  .parse()
  .opts<{ connections: number; duration: number; reports?: string; settle: number; rounds: number }>();

function javaChild(pid: number): number | undefined {
  const out = spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout;
  const line = out.split('\n').find((l) => l.trim().endsWith('java'));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const json = { 'content-type': 'application/json' };
const REQUESTS: autocannon.Request[] = [
  { method: 'GET', path: '/api/search?q=%E8%B4%A9%E8%BF%90' }, // 贩运
  { method: 'GET', path: '/api/search?q=trafficking&limit=20' },
  { method: 'GET', path: '/api/search?q=organized%20crime%20convention' },
  { method: 'GET', path: `/api/nodes/${encodeURIComponent('instrument:untoc')}` },
  { method: 'GET', path: `/api/nodes/${encodeURIComponent('state:ARG')}` },
  { method: 'GET', path: `/api/nodes/${encodeURIComponent('rec:lac-rpm-2025:24(c)')}` },
  { method: 'GET', path: `/api/nodes/${encodeURIComponent('state:BRA')}/neighbors?depth=1` },
  { method: 'GET', path: `/api/nodes/${encodeURIComponent('instrument:untoc')}/neighbors?depth=2&limit=200` },
  {
    method: 'POST',
    path: '/api/cypher',
    headers: json,
    body: JSON.stringify({ query: 'MATCH (r:Recommendation)-[c:CITES]->(i:Instrument) RETURN r, c, i LIMIT 25' }),
  },
  {
    method: 'POST',
    path: '/api/cypher',
    headers: json,
    body: JSON.stringify({ query: 'MATCH (s:State)-[:SPOKE_ON]->(a) RETURN s.name AS state, count(a) AS n ORDER BY n DESC LIMIT 10' }),
  },
];

async function main(): Promise<number> {
  return withThrowawayServer(
    'soak',
    { RATE_LIMIT_CYPHER: '0', RATE_LIMIT_SEARCH: '0', CYPHER_CLIENT_CONCURRENCY: '0', CYPHER_QUEUE: '1000', LOG_LEVEL: 'error' },
    async (server, place) => {
      const base = server.url;
      if (opts.reports) {
        const files = (await readdir(opts.reports)).filter((f) => f.endsWith('.txt')).map((f) => path.join(opts.reports!, f));
        const password = (await readFile(path.join(place.dataDir, 'password'), 'utf8')).trim();
        console.log(`soak: loading ${files.length} reports from ${opts.reports} …`);
        const load = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/load.ts'), ...files], {
          cwd: PROJECT_ROOT,
          env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${place.boltPort}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password, LOG_LEVEL: 'error' },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        if (load.status !== 0) throw new Error('loading the reports failed');
      }
      const pid = server.pid;
      // Warm-up: every request once, a few times, so that code paths and query plans are cached.
      for (let i = 0; i < 5; i++)
        for (const r of REQUESTS)
          await fetch(base + r.path, { method: r.method, headers: r.headers as Record<string, string> | undefined, body: r.body as string | undefined });
      await sleep(5000);
      const baseline = await processRssMb(pid);
      const java = javaChild(pid);
      const javaBaseline = java ? await processRssMb(java) : undefined;
      console.log(`soak: baseline RSS ${baseline} MB (Neo4j JVM ${javaBaseline ?? '?'} MB); ${opts.connections} connections for ${opts.duration} s …`);

      let peak = baseline;
      const sampler = setInterval(() => {
        processRssMb(pid).then(
          (mb) => (peak = Math.max(peak, mb)),
          () => undefined,
        );
      }, 500);
      const rounds: {
        requests: number;
        requestsPerS: number;
        latencyMs: Record<string, number>;
        statusCodes: Record<string, number>;
        non2xx: number;
        clientErrors: number;
        timeouts: number;
        rssEndOfRunMb: number;
        rssAfterSettleMb: number;
      }[] = [];
      for (let round = 1; round <= opts.rounds; round++) {
        const result = await autocannon({ url: base, connections: opts.connections, duration: opts.duration, requests: REQUESTS, timeout: 30 });
        const endOfRun = await processRssMb(pid);
        await sleep(opts.settle * 1000);
        const codes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, st]) => [code, st.count ?? 0]));
        rounds.push({
          requests: result.requests.total,
          requestsPerS: result.requests.average,
          latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
          statusCodes: codes,
          non2xx: result.non2xx,
          clientErrors: result.errors,
          timeouts: result.timeouts,
          rssEndOfRunMb: endOfRun,
          rssAfterSettleMb: await processRssMb(pid),
        });
        console.log(`soak: round ${round}: ${result.requests.total} requests, RSS ${endOfRun} MB at the end, ${rounds.at(-1)!.rssAfterSettleMb} MB settled`);
      }
      clearInterval(sampler);
      const javaAfter = java ? await processRssMb(java) : undefined;

      const serverErrors = rounds
        .flatMap((r) => Object.entries(r.statusCodes))
        .filter(([code]) => code.startsWith('5'))
        .reduce((n, [, c]) => n + c, 0);
      const first = rounds[0]!.rssAfterSettleMb;
      const last = rounds.at(-1)!.rssAfterSettleMb;
      const figures = {
        at: new Date().toISOString(),
        connections: opts.connections,
        durationS: opts.duration,
        corpus: opts.reports ?? 'data/reports (bundled seed)',
        rounds,
        serverErrors,
        rssMb: { baseline, peak, afterFirstRound: first, afterLastRound: last, settleS: opts.settle },
        neo4jRssMb: { baseline: javaBaseline, afterSettle: javaAfter },
      };
      await mkdir(path.join(PROJECT_ROOT, '.data/soak'), { recursive: true });
      await writeFile(path.join(PROJECT_ROOT, '.data/soak/last.json'), `${JSON.stringify(figures, null, 2)}\n`);
      console.log(JSON.stringify(figures, null, 2));

      const problems: string[] = [];
      if (serverErrors > 0) problems.push(`${serverErrors} responses were 5xx`);
      const non2xx = rounds.reduce((n, r) => n + r.non2xx, 0);
      const errors = rounds.reduce((n, r) => n + r.clientErrors + r.timeouts, 0);
      if (non2xx > 0) problems.push(`${non2xx} responses were not 2xx`);
      if (errors > 0) problems.push(`${errors} client errors or timeouts`);
      if (last > first * 1.1 && last - first > 16) problems.push(`RSS grew from ${first} MB after the first round to ${last} MB after the last`);
      console.log(problems.length === 0 ? 'soak: PASS' : `soak: FAIL: ${problems.join('; ')}`);
      return problems.length === 0 ? 0 : 1;
    },
  );
}

runScript('soak', main);
