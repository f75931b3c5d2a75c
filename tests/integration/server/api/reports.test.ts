/**
 * POST /api/reports: admin only (403 without ADMIN_TOKEN, 401 with a wrong token);
 * a report's text goes through ingest and loads atomically; a malformed report is a
 * 400 naming the line and loads nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportUploadResponse } from '../../../../server/contract/api.ts';
import { PROJECT_ROOT } from '../../../../server/config.ts';
import { loadSeed, SEED_REPORT_FILE, SEED_REPORT_ID } from '../../../setup/seed.ts';
import { apiApp, assertNoLeak, fingerprint, seededApp } from './helpers.ts';

const TOKEN = 'reports-test-token-0123456789';
const FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/asia-pacific-rpm-fixture.en.txt');

let driver: Driver;
let app: Express;

beforeAll(async () => {
  ({ driver, app } = await seededApp({ ADMIN_TOKEN: TOKEN }));
});
afterAll(async () => {
  await loadSeed(driver); // leave the seed alone for the next file
  await driver.close();
});

describe('who may upload', () => {
  it('nobody when ADMIN_TOKEN is unset: 403', async () => {
    const res = await request(apiApp(driver))
      .post('/api/reports')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('content-type', 'text/plain')
      .send('x')
      .expect(403);
    expect(res.body.error.code).toBe('uploads_disabled');
  });

  it('not without the token, nor with a wrong one: 401', async () => {
    const none = await request(app).post('/api/reports').set('content-type', 'text/plain').send('x').expect(401);
    expect(none.body.error.code).toBe('unauthorized');
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    for (const header of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`, 'Bearer ']) {
      const res = await request(app).post('/api/reports').set('Authorization', header).set('content-type', 'text/plain').send('x');
      expect(res.status, header).toBe(401);
      assertNoLeak(res.text, [TOKEN]);
    }
  });
});

describe('uploading', () => {
  it('ingests and loads a report sent as text, and replaces it when sent again', async () => {
    const text = await readFile(FIXTURE);
    const res = await request(app)
      .post('/api/reports?name=asia-pacific-rpm-fixture.en.txt')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('content-type', 'text/plain; charset=utf-8')
      .send(text)
      .expect(201);
    const loaded = ReportUploadResponse.parse(res.body);
    expect(loaded).toMatchObject({ report: 'report:asia-pacific-rpm-fixture', replaced: false });
    expect(loaded.nodes).toBeGreaterThan(10);

    const stats = await request(app).get('/api/stats').expect(200);
    expect(stats.body.reports.map((r: { id: string }) => r.id).sort()).toEqual(['report:asia-pacific-rpm-fixture', SEED_REPORT_ID]);
    const after = await fingerprint(driver);

    const again = await request(app)
      .post('/api/reports')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ text: text.toString('utf8'), name: 'asia-pacific-rpm-fixture.en.txt' })
      .expect(201);
    expect(again.body).toMatchObject({ report: 'report:asia-pacific-rpm-fixture', replaced: true, nodes: loaded.nodes, relationships: loaded.relationships });
    expect((await fingerprint(driver)).nodes).toBe(after.nodes);
    expect((await fingerprint(driver)).relationships).toBe(after.relationships);
  });

  it('ingests and loads a report sent as a PDF, whatever media type it is sent with', async () => {
    const pdf = await readFile(path.join(PROJECT_ROOT, 'tests/fixtures/documents/asia-pacific-rpm-fixture.en.pdf'));
    const res = await request(app)
      .post('/api/reports?name=asia-pacific-rpm-fixture.en.pdf')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('content-type', 'application/octet-stream')
      .send(pdf)
      .expect(201);
    const loaded = ReportUploadResponse.parse(res.body);
    expect(loaded).toMatchObject({ report: 'report:asia-pacific-rpm-fixture', replaced: true, warnings: [] });
    const para = await request(app)
      .get(`/api/nodes/${encodeURIComponent('para:asia-pacific-rpm-fixture:2')}`)
      .expect(200);
    expect(JSON.stringify(para.body)).toContain('has been issued.');
    expect(JSON.stringify(para.body)).toContain('"page":1');
  });

  it('loads under the report id asked for', async () => {
    const text = await readFile(FIXTURE, 'utf8');
    const res = await request(app).post('/api/reports').set('Authorization', `Bearer ${TOKEN}`).send({ text, reportId: 'report:ap-copy' }).expect(201);
    expect(res.body.report).toBe('report:ap-copy');
    await request(app)
      .get(`/api/nodes/${encodeURIComponent('report:ap-copy')}`)
      .expect(200);
  });
});

describe('malformed reports load nothing', () => {
  it('a report cut off in the middle of a list: 400 naming the line', async () => {
    const lines = (await readFile(SEED_REPORT_FILE, 'utf8')).split('\n');
    const cut = lines.findIndex((line, i) => i > 60 && /^\s*(-\s*)?\([a-z]\)/.test(line) && /；\s*$/.test(line));
    expect(cut).toBeGreaterThan(0);
    const before = await fingerprint(driver);
    const res = await request(app)
      .post('/api/reports?name=cut.zh.txt')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('content-type', 'text/plain')
      .send(lines.slice(0, cut + 1).join('\n'))
      .expect(400);
    expect(res.body.error.code).toBe('report_format');
    expect(res.body.error.details.line).toBeGreaterThan(1);
    expect(res.body.error.message).toContain(`line ${res.body.error.details.line}`);
    expect(res.body.error.message).toContain('cut.zh.txt');
    expect(await fingerprint(driver)).toEqual(before);
  });

  it('text that is not a report, an empty body, bytes that are not UTF-8: 400 naming the line', async () => {
    const before = await fingerprint(driver);
    const bad = Buffer.concat([Buffer.from('第一行\n第二行\n'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
    for (const [body, line] of [
      [Buffer.from('hello\nworld\n'), 1],
      [bad, 3],
    ] as const) {
      const res = await request(app).post('/api/reports').set('Authorization', `Bearer ${TOKEN}`).set('content-type', 'text/plain').send(body).expect(400);
      expect(res.body.error.code).toBe('report_format');
      expect(res.body.error.details.line).toBe(line);
    }
    const empty = await request(app).post('/api/reports').set('Authorization', `Bearer ${TOKEN}`).send({ text: '' }).expect(400);
    expect(empty.body.error.code).toBe('invalid_request');
    expect(await fingerprint(driver)).toEqual(before);
  });

  it('a file over UPLOAD_MAX_MB, a JSON body over 1 MB: 413', async () => {
    const small = apiApp(driver, { ADMIN_TOKEN: TOKEN, UPLOAD_MAX_MB: '1' });
    const file = await request(small)
      .post('/api/reports')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('content-type', 'application/pdf')
      .send(Buffer.alloc(1_100_000, 0x20))
      .expect(413);
    expect(file.body.error.code).toBe('payload_too_large');
    const json = await request(app)
      .post('/api/reports')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ text: 'x'.repeat(1_100_000) })
      .expect(413);
    expect(json.body.error.code).toBe('payload_too_large');
  });

  it('a scanned PDF, an encrypted PDF, a Word file that is not a report: 400 saying why; an old .doc: 415; nothing loaded', async () => {
    const before = await fingerprint(driver);
    const send = (name: string, body: Buffer, type = 'application/octet-stream') =>
      request(app).post(`/api/reports?name=${name}`).set('Authorization', `Bearer ${TOKEN}`).set('content-type', type).send(body);
    const scan = await send('scan.pdf', await readFile(path.join(PROJECT_ROOT, 'tests/fixtures/documents/scanned.pdf')), 'application/pdf').expect(400);
    expect(scan.body.error).toMatchObject({
      code: 'report_format',
      message: 'scan.pdf: no text layer: this PDF is an image; run OCR first',
      details: { reason: 'no_text_layer' },
    });
    const locked = await send('locked.pdf', await readFile(path.join(PROJECT_ROOT, 'tests/fixtures/documents/encrypted.pdf'))).expect(400);
    expect(locked.body.error.details.reason).toBe('encrypted');
    const minutes = await send('minutes.docx', await readFile(path.join(PROJECT_ROOT, 'tests/fixtures/documents/minutes.docx'))).expect(400);
    expect(minutes.body.error).toMatchObject({ code: 'report_format', details: { line: 1 } });
    const doc = await send('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'application/msword').expect(415);
    expect(doc.body.error.code).toBe('unsupported_format');
    expect(await fingerprint(driver)).toEqual(before);
  });
});
