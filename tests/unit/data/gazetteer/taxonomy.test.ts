/**
 * The reviewed gazetteer as reference data: every entry says where its names were
 * checked, and the crime types form one tree on the ICCS (UNODC, 2015) whose codes
 * agree with their place in it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CrimeTypeEntry, Gazetteer } from '../../../../server/ingest/gazetteer/types.ts';
import { realGazetteer } from '../../../setup/reports.ts';

let g: Gazetteer;
beforeAll(async () => {
  g = await realGazetteer();
});

describe('the reviewed gazetteer as reference data', () => {
  it('gives every State, organisation, crime type and instrument a source, and a note wherever a name is unconfirmed', () => {
    const entries = [...g.states.map((s) => ({ ...s, id: s.iso3 })), ...g.organizations, ...g.crimeTypes, ...g.instruments];
    for (const e of entries) {
      expect(e.source, `${e.id} has no source`).toMatch(/\S/);
      if (e.unconfirmed) expect(e.note, `${e.id} is unconfirmed without a note`).toMatch(/\S/);
    }
  });

  it('lists the bodies and instruments of every region, not only those of the seed', () => {
    const orgs = new Set(g.organizations.map((o) => o.short_en ?? o.name_en));
    for (const name of ['AU', 'EU', 'OSCE', 'Europol', 'Eurojust', 'ECOWAS', 'ASEAN', 'LAS', 'OAS', 'SICA', 'CARICOM', 'ESCWA', 'ECA', 'ECE', 'GIABA', 'APG', 'MENAFATF', 'HEUNI', 'UNAFRI', 'NAUSS']) {
      expect(orgs.has(name), name).toBe(true);
    }
    const instruments = new Set(g.instruments.map((i) => i.short_en ?? i.name_en));
    for (const name of ['Tokyo Rules', 'Beijing Rules', 'Riyadh Guidelines', 'Havana Rules', 'Budapest Convention', 'Istanbul Convention', 'Lanzarote Convention', 'Doha Declaration', 'Salvador Declaration', 'ACTIP', 'CIFTA']) {
      expect(instruments.has(name), name).toBe(true);
    }
  });
});

describe('crime types on the ICCS', () => {
  const byId = () => new Map(g.crimeTypes.map((c) => [c.id, c]));
  const ancestors = (c: CrimeTypeEntry): CrimeTypeEntry[] => {
    const map = byId();
    const chain: CrimeTypeEntry[] = [];
    let parent = c.parent ? map.get(c.parent) : undefined;
    while (parent) {
      if (chain.includes(parent)) throw new Error(`${c.id}: the parent chain loops`);
      chain.push(parent);
      parent = parent.parent ? map.get(parent.parent) : undefined;
    }
    return chain;
  };

  it('has the eleven ICCS sections, each with a two-digit code and no parent', () => {
    const sections = g.crimeTypes.filter((c) => c.iccs?.length === 2);
    expect(sections.map((c) => c.iccs).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11']);
    for (const s of sections) expect(s.parent, s.id).toBeNull();
  });

  it('gives no ICCS code twice', () => {
    const codes = g.crimeTypes.flatMap((c) => (c.iccs ? [c.iccs] : []));
    expect(codes.length).toBe(new Set(codes).size);
  });

  it('places every coded category under the category its code extends (0101 under 01, 07041 under 0704)', () => {
    for (const c of g.crimeTypes) {
      if (!c.iccs || c.iccs.length === 2) continue;
      const coded = ancestors(c).find((a) => a.iccs);
      expect(coded, `${c.id} (${c.iccs}) has no coded ancestor`).toBeDefined();
      expect(c.iccs.startsWith(coded!.iccs!), `${c.id} (${c.iccs}) sits under ${coded!.id} (${coded!.iccs})`).toBe(true);
    }
  });

  it('places the forms reports use under their ICCS parents', () => {
    const chain = (id: string) => ancestors(byId().get(id)!).map((a) => a.id);
    expect(chain('crime:illegal-mining')).toEqual(['crime:iccs-1004', 'crime:crimes-affecting-environment']);
    expect(chain('crime:wildlife-trafficking')).toEqual(['crime:iccs-1003', 'crime:crimes-affecting-environment']);
    expect(chain('crime:money-laundering')).toEqual(['crime:iccs-0704', 'crime:iccs-07']);
    expect(chain('crime:kidnapping')).toEqual(['crime:iccs-0202', 'crime:iccs-02']);
    expect(chain('crime:falsified-medical-products')).toEqual(['crime:forgery-counterfeiting', 'crime:iccs-07']);
  });

  it('explains every crime type that stands outside the ICCS tree', () => {
    for (const c of g.crimeTypes) {
      if (c.iccs === null && c.parent === null) expect(c.note, `${c.id} has neither code nor parent, and no note why`).toMatch(/\S/);
    }
  });
});
