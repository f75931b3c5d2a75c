/**
 * sendJson through a real Express app with the app's compression middleware: the bytes
 * are JSON.stringify's, the length is the UTF-8 length (Chinese text included), no ETag
 * (so no 304, whatever the client sends), HEAD gets the headers only, gzip for clients that ask.
 */
import type { Response as AgentResponse } from 'superagent';
import compression from 'compression';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { sendJson } from '../../../../../server/api/http/send-json.ts';

const VALUE = {
  node: { id: 'state:CHN', labels: ['State'], name_zh: '中国', name_en: 'China' },
  texts: Array.from({ length: 400 }, (_, i) => ({ n: i, text: `第${i}段：打击跨国有组织犯罪 — “quoted” \u2028 ${'文'.repeat(i % 7)}` })),
  empty: null,
};

function app(status: number, value: unknown) {
  const a = express();
  a.use(compression());
  a.all('/', (_req, res) => sendJson(res, status, value));
  return a;
}

/** The raw body bytes, whatever the content type. */
function raw(res: AgentResponse, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('sendJson', () => {
  it('writes JSON.stringify of the value as UTF-8, with its byte length and type, and no ETag', async () => {
    const expected = Buffer.from(JSON.stringify(VALUE), 'utf8');
    const res = await request(app(200, VALUE)).get('/').set('Accept-Encoding', 'identity').buffer(true).parse(raw).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(expected.length));
    expect(expected.length).toBeGreaterThan(JSON.stringify(VALUE).length); // multi-byte characters: bytes, not characters
    expect(res.headers.etag).toBeUndefined();
    expect((res.body as Buffer).equals(expected)).toBe(true);
  });

  it('answers in full to a conditional request: no validator, no 304', async () => {
    const res = await request(app(200, VALUE)).get('/').set('If-None-Match', '*').expect(200);
    expect(res.body).toEqual(VALUE);
  });

  it('keeps the status given, for errors too', async () => {
    const error = { error: { code: 'not_found', message: 'No node has the id "x".' } };
    const res = await request(app(404, error)).get('/').expect(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual(error);
  });

  it('gives a HEAD request the headers and no body', async () => {
    const length = Buffer.byteLength(JSON.stringify(VALUE), 'utf8');
    const res = await request(app(200, VALUE)).head('/').set('Accept-Encoding', 'identity').expect(200);
    expect(res.headers['content-length']).toBe(String(length));
    expect(res.text ?? '').toBe('');
  });

  it('is gzipped for a client that asks, the same JSON once decoded', async () => {
    const res = await request(app(200, VALUE)).get('/').set('Accept-Encoding', 'gzip').buffer(true).parse(raw).expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    // superagent inflates what it reads: the bytes it hands on are the JSON.
    expect((res.body as Buffer).toString('utf8')).toBe(JSON.stringify(VALUE));
  });

  it('throws before writing anything when the value cannot be serialised', () => {
    const written: unknown[] = [];
    const res = { req: { method: 'GET' }, setHeader: (...a: unknown[]) => written.push(a), end: (...a: unknown[]) => written.push(a) };
    expect(() => sendJson(res as never, 200, { n: 1n })).toThrow(TypeError);
    expect(written).toEqual([]);
  });
});
