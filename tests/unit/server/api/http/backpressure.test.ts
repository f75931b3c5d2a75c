/**
 * backpressuredWriter against a real HTTP server and client, through the app's
 * compression middleware: it waits while the client reads nothing, finishes when it
 * reads, keeps one listener per answer however many times it waits, and reports a
 * client that went away.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { backpressuredWriter } from '../../../../../server/api/http/backpressure.ts';
import { settledValue } from '../../../../setup/wait.ts';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Incompressible text, 32 KiB a chunk: what fills a socket's buffer, gzip or not. */
const chunks = Array.from({ length: 8 }, () => randomBytes(24 * 1024).toString('base64'));

interface Probe {
  /** Chunks written so far. */
  written: number;
  /** Writes that had to wait for 'drain'. */
  waits: number;
  /** The most 'drain' or 'close' listeners seen on the response after a write. */
  maxListeners: number;
  outcome: Promise<'sent' | 'gone'>;
}

/** An app that writes `count` chunks to GET / through backpressuredWriter, and what it saw. */
async function serve(count: number): Promise<{ port: number; probe: Probe }> {
  let settle!: (outcome: 'sent' | 'gone') => void;
  const probe: Probe = { written: 0, waits: 0, maxListeners: 0, outcome: new Promise((resolve) => (settle = resolve)) };
  const app = express();
  app.use(compression());
  app.get('/', (_req, res) => {
    res.type('text/plain');
    const writer = backpressuredWriter(res);
    // Under gzip the compression middleware moves 'drain' listeners to its zlib stream, out of sight here: a leak
    // there shows as the warning.
    const listeners = (): number => Math.max(res.listenerCount('drain'), res.listenerCount('close'));
    void (async () => {
      for (let i = 0; i < count; i++) {
        const before = performance.now();
        const more = await writer.write(chunks[i % chunks.length]!);
        if (performance.now() - before > 1) probe.waits += 1;
        probe.written += 1;
        probe.maxListeners = Math.max(probe.maxListeners, listeners());
        if (!more) return settle('gone');
      }
      res.end();
      settle('sent');
    })();
  });
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, probe };
}

function get(port: number, encoding: string): Promise<{ req: http.ClientRequest; res: http.IncomingMessage }> {
  return new Promise((resolve) => {
    const req = http.get({ port, host: '127.0.0.1', path: '/', headers: { 'accept-encoding': encoding } }, (res) => resolve({ req, res }));
    req.on('error', () => undefined);
  });
}

describe('backpressuredWriter', () => {
  for (const encoding of ['identity', 'gzip']) {
    it(`waits while the client reads nothing and finishes when it reads, with one listener however long (${encoding})`, async () => {
      // A listener left behind per wait shows as Node's MaxListenersExceededWarning (more than 10 on one emitter).
      const warnings: string[] = [];
      const onWarning = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`);
      process.on('warning', onWarning);
      try {
        const count = 2_000; // 64 MB: far more than any socket's buffer
        const { port, probe } = await serve(count);
        const { res } = await get(port, encoding);
        res.pause();
        const held = await settledValue(() => probe.written);
        expect(held).toBeLessThan(count / 5);
        res.resume();
        let received = 0;
        res.on('data', (data: Buffer) => void (received += data.length));
        await new Promise((resolve) => res.on('end', resolve));
        expect(await probe.outcome).toBe('sent');
        expect(probe.written).toBe(count);
        // Every byte, plain; base64 of random bytes, gzipped, to about three quarters.
        if (encoding === 'gzip') expect(received).toBeGreaterThan(count * 20 * 1024);
        else expect(received).toBe(count * 32 * 1024);
        // It did wait, many times more than the 10 listeners Node warns about.
        expect(probe.waits).toBeGreaterThan(20);
        expect(probe.maxListeners).toBeLessThanOrEqual(2);
        await new Promise((resolve) => setImmediate(resolve));
      } finally {
        process.off('warning', onWarning);
      }
      expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
    });
  }

  it('resolves false, and reports gone, when the client goes away while a write waits', async () => {
    const { port, probe } = await serve(Number.POSITIVE_INFINITY);
    const { req, res } = await get(port, 'gzip');
    res.pause();
    await settledValue(() => probe.written);
    req.destroy();
    expect(await probe.outcome).toBe('gone');
  });
});
