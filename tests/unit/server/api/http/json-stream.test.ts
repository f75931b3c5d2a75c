/**
 * writeJsonStream against a real HTTP server and client (Express with the app's
 * compression middleware): backpressure, a client that goes away, and errors before
 * and after the first byte.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express, { type ErrorRequestHandler } from 'express';
import type { Response as SuperagentResponse } from 'superagent';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { writeJsonStream, type StreamOutcome } from '../../../../../server/api/http/json-stream.ts';
import { settledValue } from '../../../../setup/wait.ts';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** An app answering GET / with writeJsonStream(pieces()), reporting each outcome or error. */
function streamingApp(pieces: () => Iterable<string>) {
  const outcomes: (StreamOutcome | Error)[] = [];
  let settled!: (value: StreamOutcome | Error) => void;
  const done = new Promise<StreamOutcome | Error>((resolve) => (settled = resolve));
  const app = express();
  app.use(compression());
  app.get('/', (_req, res, next) => {
    writeJsonStream(res, pieces(), { batchChars: 16 * 1024 }).then(
      (outcome) => {
        outcomes.push(outcome);
        settled(outcome);
      },
      (error: Error) => {
        outcomes.push(error);
        settled(error);
        next(error);
      },
    );
  });
  const onError: ErrorRequestHandler = (_error, _req, res, _next) => {
    if (res.headersSent) return;
    res.status(500).json({ error: { code: 'internal', message: 'failed' } });
  };
  app.use(onError);
  return { app, outcomes, done };
}

async function listen(app: express.Express): Promise<number> {
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Incompressible text: what a socket buffer fills with, gzip or not. */
const noise = Array.from({ length: 16 }, () => randomBytes(24 * 1024).toString('base64'));

function* pieceStream(count: number, pulled: { chars: number }): Generator<string> {
  yield '[';
  for (let i = 0; i < count; i++) {
    const piece = `${i > 0 ? ',' : ''}"${noise[i % noise.length]!}"`;
    pulled.chars += piece.length;
    yield piece;
  }
  yield ']';
}

describe('writeJsonStream', () => {
  it('sends exactly the pieces, plain and gzip, as application/json without an ETag', async () => {
    // Above the compression middleware's threshold (1 kB), as before streaming; a smaller answer goes uncompressed.
    const pieces = ['{"nodes":', '[', '{"key":"中文"}', ',', `{"key":"${'b'.repeat(4000)}"}`, ']', '}'];
    const { app } = streamingApp(() => pieces);
    for (const encoding of ['identity', 'gzip']) {
      const res = await request(app).get('/').set('Accept-Encoding', encoding).buffer(true).parse(textParser).expect(200);
      expect(res.body).toBe(pieces.join(''));
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['content-encoding']).toBe(encoding === 'gzip' ? 'gzip' : undefined);
      expect(res.headers.etag).toBeUndefined();
    }
  });

  for (const encoding of ['identity', 'gzip']) {
    it(`computes no more than the client takes (backpressure, ${encoding}), one drain listener however long it waits`, async () => {
      // A listener left behind per wait for 'drain' shows as Node's MaxListenersExceededWarning.
      const warnings: string[] = [];
      const onWarning = (warning: Error): void => void warnings.push(warning.name);
      process.on('warning', onWarning);
      const pulled = { chars: 0 };
      const count = 4_000; // about 130 MB of JSON: far more than any socket buffer
      const { app, done } = streamingApp(() => pieceStream(count, pulled));
      const port = await listen(app);
      const response = await new Promise<http.IncomingMessage>((resolve) =>
        http.get({ port, host: '127.0.0.1', path: '/', headers: { 'accept-encoding': encoding } }, resolve),
      );
      response.pause(); // the client reads nothing for now
      const held = await settledValue(() => pulled.chars);
      expect(held).toBeLessThan(count * noise[0]!.length * 0.2);
      // Then it reads everything, and the server finishes.
      response.resume();
      await new Promise((resolve) => response.on('end', resolve));
      expect(await done).toBe('sent');
      expect(pulled.chars).toBeGreaterThan(count * noise[0]!.length);
      await new Promise((resolve) => setImmediate(resolve));
      process.off('warning', onWarning);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    });
  }

  it('stops computing and resolves "gone" when the client disconnects mid-answer', async () => {
    const pulled = { chars: 0 };
    const { app, done } = streamingApp(() => pieceStream(Number.POSITIVE_INFINITY, pulled));
    const port = await listen(app);
    await new Promise<void>((resolve) => {
      const req = http.get({ port, host: '127.0.0.1', path: '/' }, (response) => {
        response.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
    });
    expect(await done).toBe('gone');
  });

  it('answers an error before the first byte as an ordinary JSON error', async () => {
    const { app, outcomes } = streamingApp(function* () {
      yield '[';
      throw new TypeError('Do not know how to serialize a BigInt');
    });
    const res = await request(app).get('/').expect(500);
    expect(res.body.error.code).toBe('internal');
    expect(outcomes[0]).toBeInstanceOf(TypeError);
  });

  it('breaks the connection on an error after the first byte: never a truncated answer that passes for whole', async () => {
    const pulled = { chars: 0 };
    const { app, done } = streamingApp(function* () {
      yield* pieceStream(20, pulled); // well past one batch: the first bytes are on their way
      throw new TypeError('Do not know how to serialize a BigInt');
    });
    const port = await listen(app);
    const ended = await new Promise<{ complete: boolean; body: string }>((resolve) => {
      http.get({ port, host: '127.0.0.1', path: '/' }, (response) => {
        expect(response.statusCode).toBe(200);
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('error', () => undefined);
        response.on('close', () => resolve({ complete: response.complete, body }));
      });
    });
    expect(await done).toBeInstanceOf(TypeError);
    expect(ended.complete).toBe(false);
    expect(ended.body.length).toBeGreaterThan(0);
    expect(() => JSON.parse(ended.body)).toThrow();
  });
});

function textParser(res: SuperagentResponse, callback: (error: Error | null, body: string) => void): void {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => callback(null, body));
}
