import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../../../../server/ingest/gazetteer/check.ts';
import { loadGazetteer } from '../../../../../server/ingest/gazetteer/load.ts';
import { realGazetteer, repoPath } from '../../../../setup/reports.ts';

const g = await realGazetteer();

describe('the reviewed gazetteer', () => {
  it('is consistent: unique ids, known parents, no surface form naming two things', () => {
    expect(checkGazetteer(g)).toEqual([]);
  });

  it('holds the instruments the issue names, with protocols supplementing their convention', () => {
    const byId = new Map(g.instruments.map((i) => [i.id, i]));
    for (const id of [
      'instrument:untoc',
      'instrument:uncac',
      'instrument:cybercrime-convention',
      'instrument:bangkok-rules',
      'instrument:nelson-mandela-rules',
      'instrument:kyoto-declaration',
      'instrument:2030-agenda',
      'instrument:pact-for-the-future',
      'instrument:global-digital-compact',
      'instrument:declaration-on-future-generations',
    ])
      expect(byId.has(id), id).toBe(true);
    const untocProtocols = g.instruments.filter((i) => i.kind === 'protocol' && i.supplements === 'instrument:untoc').map((i) => i.id);
    expect(untocProtocols.sort()).toEqual([
      'instrument:firearms-protocol',
      'instrument:smuggling-of-migrants-protocol',
      'instrument:trafficking-in-persons-protocol',
    ]);
    expect(byId.get('instrument:untoc-cop-resolution-12-4')!.supplements).toBe('instrument:untoc');
  });

  it('keeps a small crime taxonomy with parents and ICCS codes where one fits', () => {
    const byId = new Map(g.crimeTypes.map((c) => [c.id, c]));
    expect(byId.get('crime:illegal-mining')).toMatchObject({ parent: 'crime:iccs-1004' });
    expect(byId.get('crime:iccs-1004')).toMatchObject({ parent: 'crime:crimes-affecting-environment', iccs: '1004' });
    expect(byId.get('crime:trafficking-in-persons')!.iccs).toBe('0204');
    expect(byId.get('crime:cybercrime')!.iccs).toBeNull();
  });

  it('does not list the bare word for crime or generic standards as names', () => {
    const names = [...g.crimeTypes.flatMap((c) => [c.name_zh, ...c.aliases]), ...g.instruments.flatMap((i) => [i.name_zh, ...i.aliases])];
    expect(names).not.toContain('犯罪');
    expect(names).not.toContain('国际人权标准');
  });

  it('fails loudly on a broken file, naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gaz-'));
    cpSync(repoPath('tests/fixtures/gazetteer-mini'), dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'crime-types.json'),
      JSON.stringify([{ id: 'crime:x', name_zh: 'x', name_en: 'x', aliases: [], iccs: null, parent: 'crime:nowhere' }]),
    );
    await expect(loadGazetteer(dir)).rejects.toThrow(/crime:x: unknown parent crime:nowhere/);
    writeFileSync(path.join(dir, 'crime-types.json'), '[{"id": "bad id"}]');
    await expect(loadGazetteer(dir)).rejects.toThrow(/crime-types\.json: entry 0\./);
  });
});
