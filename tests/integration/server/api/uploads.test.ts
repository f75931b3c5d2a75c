/**
 * POST /api/reports against hostile callers, filling the gaps of
 * tests/integration/server/api/reports.test.ts: a real report (not a stub body) sent
 * without the right credentials loads nothing, whatever the disguise of the token;
 * reports damaged the ways the property tests found, sent with the token, are
 * refused naming the line and load nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../server/config.ts';
import { loadSeed } from '../../../setup/seed.ts';
import { apiApp, assertNoLeak, seededApp } from './helpers.ts';
import { deepFingerprint, type DeepFingerprint } from './deep-fingerprint.ts';

const TOKEN = 'reliability-upload-token-9876543210';
const FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/asia-pacific-rpm-fixture.en.txt');

let driver: Driver;
let app: Express;
let report: string;
let before: DeepFingerprint;

beforeAll(async () => {
  ({ driver, app } = await seededApp({ ADMIN_TOKEN: TOKEN }));
  report = await readFile(FIXTURE, 'utf8');
  before = await deepFingerprint(driver);
});
afterAll(async () => {
  await loadSeed(driver);
  await driver.close();
});

describe('a real report without the right credentials loads nothing', () => {
  it('on a server without ADMIN_TOKEN, even with a token: 403', async () => {
    const res = await request(apiApp(driver))
      .post('/api/reports?name=ap.en.txt')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('content-type', 'text/plain')
      .send(report);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('uploads_disabled');
    expect(await deepFingerprint(driver)).toEqual(before);
  });

  it.each([
    ['no header', {}],
    ['the token in the query string', {}, `?token=${TOKEN}`],
    ['the token in another header', { 'X-Admin-Token': TOKEN }],
    ['the token as a cookie', { Cookie: `token=${TOKEN}` }],
    ['the token as Basic credentials', { Authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` }],
    ['a prefix of the token', { Authorization: `Bearer ${TOKEN.slice(0, 10)}` }],
    ['the token with a NUL appended', { Authorization: `Bearer ${TOKEN}\u0000` }],
    ['the token twice', { Authorization: `Bearer ${TOKEN}, Bearer ${TOKEN}` }],
    ['the token upper-cased', { Authorization: `Bearer ${TOKEN.toUpperCase()}` }],
    ['an empty bearer', { Authorization: 'Bearer' }],
  ] as [string, Record<string, string>, string?][])('%s: 401, nothing loaded', async (_case, headers, query = '') => {
    let req = request(app).post(`/api/reports${query}`).set('content-type', 'text/plain');
    for (const [name, value] of Object.entries(headers)) {
      try {
        req = req.set(name, value);
      } catch {
        return; // a header value no HTTP client can send (NUL) cannot reach the server either
      }
    }
    const res = await req.send(report).catch((error: { response?: request.Response }) => error.response);
    if (!res) return; // refused by the HTTP client itself, as above
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    assertNoLeak(res.text, [TOKEN]);
    expect(await deepFingerprint(driver)).toEqual(before);
  });
});

describe('with the token, damaged reports are refused at the line at fault and load nothing', () => {
  const lines = () => report.split('\n');

  it.each([
    [
      'two recommendation lists run together (a heading lost)',
      () => {
        const l = lines();
        const first = l.findIndex((x) => x.includes('(c) Recognize crimes'));
        const second = l.findIndex((x) => x.startsWith('(a) Apply the United Nations Rules'));
        return { text: [...l.slice(0, first + 1), '', ...l.slice(second)].join('\n'), line: first + 3 };
      },
    ],
    [
      'cut off after a paragraph announcing recommendations',
      () => {
        const l = lines();
        const at = l.findIndex((x) => x.startsWith('8. The following recommendations'));
        return { text: l.slice(0, at + 1).join('\n'), line: at + 1 };
      },
    ],
  ])('%s', async (_case, damage) => {
    const { text, line } = damage();
    for (const send of [
      () => request(app).post('/api/reports?name=damaged.en.txt').set('Authorization', `Bearer ${TOKEN}`).set('content-type', 'text/plain').send(text),
      () => request(app).post('/api/reports').set('Authorization', `Bearer ${TOKEN}`).send({ text, name: 'damaged.en.txt' }),
    ]) {
      const res = await send();
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.code).toBe('report_format');
      expect(res.body.error.details.line).toBe(line);
      expect(res.body.error.message).toContain(`damaged.en.txt, line ${line}`);
      assertNoLeak(res.text, [TOKEN]);
      expect(await deepFingerprint(driver)).toEqual(before);
    }
  });
});
