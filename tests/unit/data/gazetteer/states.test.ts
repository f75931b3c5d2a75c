// The reviewed gazetteer of states: shape, uniqueness of every surface form,
// UN spot checks, resolution of every state the seed report names, and a
// cross-check of the ISO codes and English names against i18n-iso-countries.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import countries from 'i18n-iso-countries';

interface StateEntry {
  iso3: string;
  name_zh: string;
  name_en: string;
  aliases: string[];
  unMember: boolean;
  unconfirmed?: boolean;
  note?: string;
}

const GAZETTEER = new URL('../../../../data/gazetteer/states.json', import.meta.url);
const REPORT = new URL('../../../../data/reports/lac-rpm-2025.zh.txt', import.meta.url);

const states = JSON.parse(readFileSync(GAZETTEER, 'utf8')) as StateEntry[];
const report = readFileSync(REPORT, 'utf8');

const CJK = /\p{Script=Han}/u;

/** Every surface form an entry answers to. */
const formsOf = (s: StateEntry): string[] => [s.name_zh, s.name_en, ...s.aliases];

/** Key under which two forms count as the same: case, diacritics and apostrophe style do not matter. */
const formKey = (form: string): string =>
  form.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase().trim();

const byIso = new Map(states.map((s) => [s.iso3, s]));
const resolver = new Map<string, Set<string>>();
for (const s of states) {
  for (const f of formsOf(s)) {
    const k = formKey(f);
    if (!resolver.has(k)) resolver.set(k, new Set());
    resolver.get(k)!.add(s.iso3);
  }
}

/** The iso3 a surface form resolves to, or undefined; throws on an ambiguous form. */
function resolve(form: string): string | undefined {
  const hits = resolver.get(formKey(form));
  if (!hits) return undefined;
  if (hits.size > 1) throw new Error(`${form} is ambiguous: ${[...hits].join(', ')}`);
  return [...hits][0];
}

/**
 * Splits one Chinese list segment ("A和B", "特立尼达和多巴哥和乌拉圭") into state
 * names using the gazetteer: the segment is taken whole if it resolves,
 * otherwise cut at a 和/以及 where both sides resolve. Returns null if no cut works.
 */
function splitSegment(seg: string): string[] | null {
  const s = seg.trim();
  if (s === '') return [];
  if (resolve(s)) return [s];
  for (const conj of ['和', '以及']) {
    let at = s.indexOf(conj);
    while (at > 0) {
      const left = splitSegment(s.slice(0, at));
      const right = splitSegment(s.slice(at + conj.length));
      if (left && right && left.length > 0 && right.length > 0) return [...left, ...right];
      at = s.indexOf(conj, at + 1);
    }
  }
  return null;
}

interface StateList {
  paragraph: number;
  kind: 'speakers' | 'observer-speakers' | 'attendance-members' | 'attendance-observers';
  raw: string;
}

/** The report's lists of states: speakers, observer speakers, attending members and observers. */
function stateListsInReport(text: string): StateList[] {
  const lists: StateList[] = [];
  const patterns: [StateList['kind'], RegExp][] = [
    ['speakers', /下列国家(?:的)?代表作了发言：([^。]+)。/],
    // "阿拉伯联合酋长国和越南的观察员也作了发言。" but not "下列组织的观察员…"
    ['observer-speakers', /^([^：。]+?)的观察员(?:也)?作了发言。$/],
    ['attendance-members', /下列成员国派代表出席了会议：([^。]+)。/],
    // "卢森堡、俄罗斯联邦、阿拉伯联合酋长国和越南派观察员出席了会议。" (no colon: the
    // entity, institute and NGO lists all introduce theirs with 下列…：)
    ['attendance-observers', /^([^：。]+)派观察员出席了会议。$/],
  ];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(\d+)\.\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const paragraph = Number(m[1]);
    const body = m[2]!.trim();
    for (const [kind, re] of patterns) {
      const hit = re.exec(body);
      if (hit && !hit[1]!.startsWith('下列')) lists.push({ paragraph, kind, raw: hit[1]! });
    }
  }
  return lists;
}

/** Normalised word set for a loose comparison of English names. */
function wordKey(name: string): string {
  return formKey(name)
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && w !== 'the' && w !== 'of' && w !== 'and')
    .sort()
    .join(' ');
}

describe('gazetteer of states: shape', () => {
  it('holds the 193 member states and the 2 observer states', () => {
    expect(Array.isArray(states)).toBe(true);
    expect(states).toHaveLength(195);
    expect(states.filter((s) => s.unMember === true)).toHaveLength(193);
    expect(states.filter((s) => s.unMember === false).map((s) => s.iso3).sort()).toEqual(['PSE', 'VAT']);
  });

  it('is sorted by iso3, with unique three-capital-letter codes', () => {
    const codes = states.map((s) => s.iso3);
    for (const c of codes) expect(c).toMatch(/^[A-Z]{3}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });

  it('gives every entry the right fields and types', () => {
    const allowed = new Set(['iso3', 'name_zh', 'name_en', 'aliases', 'unMember', 'unconfirmed', 'note', 'source']);
    for (const s of states) {
      for (const k of Object.keys(s)) expect(allowed.has(k), `${s.iso3}: unexpected key ${k}`).toBe(true);
      expect(typeof s.name_zh).toBe('string');
      expect(s.name_zh, `${s.iso3} name_zh`).toMatch(/^[\p{Script=Han}·]+$/u);
      expect(typeof s.name_en).toBe('string');
      expect(CJK.test(s.name_en), `${s.iso3} name_en has Chinese`).toBe(false);
      expect(s.name_en.trim()).toBe(s.name_en);
      expect(typeof s.unMember).toBe('boolean');
      expect(Array.isArray(s.aliases)).toBe(true);
      for (const a of s.aliases) {
        expect(typeof a).toBe('string');
        expect(a.trim(), `${s.iso3} alias "${a}" has stray spaces`).toBe(a);
        expect(a.length).toBeGreaterThan(0);
      }
      if (s.unconfirmed !== undefined) {
        expect(s.unconfirmed).toBe(true);
        expect(typeof s.note === 'string' && s.note.length > 0, `${s.iso3} unconfirmed without note`).toBe(true);
      }
    }
  });

  it('does not repeat an entry’s own names or an alias inside its aliases', () => {
    // Exact strings: an accentless spelling ("Cote d'Ivoire") is a variant worth
    // listing for exact matchers; the same string twice is not.
    for (const s of states) {
      expect(new Set(s.aliases).size, `${s.iso3} repeats an alias`).toBe(s.aliases.length);
      expect(s.aliases, `${s.iso3} repeats name_zh`).not.toContain(s.name_zh);
      expect(s.aliases, `${s.iso3} repeats name_en`).not.toContain(s.name_en);
    }
  });

  it('never lets one surface form resolve to two states', () => {
    const clashes = [...resolver.entries()].filter(([, isos]) => isos.size > 1).map(([f, isos]) => `${f}: ${[...isos].join('/')}`);
    expect(clashes).toEqual([]);
  });
});

describe('gazetteer of states: UN spot checks', () => {
  const at = (iso3: string): StateEntry => {
    const s = byIso.get(iso3);
    if (!s) throw new Error(`no entry ${iso3}`);
    return s;
  };

  it('uses the UN Chinese and English short names', () => {
    expect(at('NLD')).toMatchObject({ name_zh: '荷兰王国', name_en: 'Netherlands (Kingdom of the)' });
    expect(at('GBR')).toMatchObject({ name_zh: '大不列颠及北爱尔兰联合王国', name_en: 'United Kingdom of Great Britain and Northern Ireland' });
    expect(at('KNA')).toMatchObject({ name_zh: '圣基茨和尼维斯', name_en: 'Saint Kitts and Nevis' });
    expect(at('VNM')).toMatchObject({ name_zh: '越南', name_en: 'Viet Nam' });
    expect(at('TUR')).toMatchObject({ name_zh: '土耳其', name_en: 'Türkiye' });
    expect(at('ARE')).toMatchObject({ name_zh: '阿拉伯联合酋长国', name_en: 'United Arab Emirates' });
    expect(at('USA')).toMatchObject({ name_zh: '美利坚合众国', name_en: 'United States of America' });
    expect(at('VAT')).toMatchObject({ name_zh: '教廷', name_en: 'Holy See', unMember: false });
    expect(at('PSE')).toMatchObject({ name_zh: '巴勒斯坦国', name_en: 'State of Palestine', unMember: false });
  });

  it('keeps the Dominican Republic and Dominica apart', () => {
    expect(at('DOM')).toMatchObject({ name_zh: '多米尼加共和国', name_en: 'Dominican Republic' });
    expect(at('DMA')).toMatchObject({ name_zh: '多米尼克', name_en: 'Dominica' });
    expect(resolve('多米尼加共和国')).toBe('DOM');
    expect(resolve('多米尼克')).toBe('DMA');
    expect(resolve('Dominican Republic')).toBe('DOM');
    expect(resolve('Dominica')).toBe('DMA');
    // 多米尼加 alone is ambiguous between the two: it must not be a form of either.
    expect(resolve('多米尼加')).toBeUndefined();
  });

  it('resolves the common short forms to the right state', () => {
    expect(resolve('英国')).toBe('GBR');
    expect(resolve('UK')).toBe('GBR');
    expect(resolve('美国')).toBe('USA');
    expect(resolve('United States')).toBe('USA');
    expect(resolve('阿联酋')).toBe('ARE');
    expect(resolve('荷兰')).toBe('NLD');
    expect(resolve('the Netherlands')).toBe('NLD');
    expect(resolve('Vietnam')).toBe('VNM');
    expect(resolve('Turkey')).toBe('TUR');
    expect(resolve('玻利维亚')).toBe('BOL');
    expect(resolve('委内瑞拉')).toBe('VEN');
    expect(resolve('Czech Republic')).toBe('CZE');
    expect(resolve('Ivory Coast')).toBe('CIV');
  });

  it('gives neither Congo the other’s forms', () => {
    const cog = formsOf(at('COG')).map(formKey);
    const cod = formsOf(at('COD')).map(formKey);
    expect(cog.filter((f) => cod.includes(f))).toEqual([]);
    expect(at('COD').aliases).not.toContain('刚果');
    expect(at('COG').aliases).not.toContain('刚果');
  });
});

describe('gazetteer of states: the seed report', () => {
  const lists = stateListsInReport(report);

  it('finds the report’s speaker and attendance lists', () => {
    const kinds = new Set(lists.map((l) => l.kind));
    expect(kinds).toEqual(new Set(['speakers', 'observer-speakers', 'attendance-members', 'attendance-observers']));
    expect(lists.filter((l) => l.kind === 'speakers').length).toBeGreaterThanOrEqual(4);
    // paragraphs 8-9 open the general discussion
    expect(lists.some((l) => l.paragraph === 8 && l.kind === 'speakers')).toBe(true);
    expect(lists.some((l) => l.paragraph === 9 && l.kind === 'observer-speakers')).toBe(true);
  });

  it('resolves every state named in those lists', () => {
    const unresolved: string[] = [];
    const found = new Map<string, Set<string>>();
    for (const l of lists) {
      for (const seg of l.raw.split('、')) {
        const names = splitSegment(seg);
        if (!names) {
          unresolved.push(`para ${l.paragraph} (${l.kind}): ${seg}`);
          continue;
        }
        for (const n of names) {
          const iso = resolve(n)!;
          if (!found.has(l.kind)) found.set(l.kind, new Set());
          found.get(l.kind)!.add(iso);
        }
      }
    }
    expect(unresolved).toEqual([]);
    // The member-state attendance list is long; every state on it is a UN member.
    const members = found.get('attendance-members') ?? new Set<string>();
    expect(members.size).toBeGreaterThanOrEqual(20);
    for (const iso of members) expect(byIso.get(iso)!.unMember, iso).toBe(true);
    // Every state that spoke as a representative also attended as a member.
    for (const iso of found.get('speakers') ?? []) expect(members.has(iso), `${iso} spoke but is not on the attendance list`).toBe(true);
    // Every state that spoke through an observer attended as an observer.
    const observers = found.get('attendance-observers') ?? new Set<string>();
    expect(observers.size).toBeGreaterThan(0);
    for (const iso of found.get('observer-speakers') ?? []) expect(observers.has(iso), `${iso} spoke as observer but did not attend as one`).toBe(true);
  });
});

describe('gazetteer of states: ISO 3166 cross-check', () => {
  it('uses only valid ISO 3166-1 alpha-3 codes', () => {
    const bad = states.filter((s) => countries.alpha3ToAlpha2(s.iso3) === undefined).map((s) => s.iso3);
    expect(bad).toEqual([]);
  });

  it('agrees with the ISO English name, loosely, or lists it as an alias', () => {
    const disagree: string[] = [];
    for (const s of states) {
      const iso = countries.getName(s.iso3, 'en', { select: 'all' }) ?? [];
      const ours = new Set(
        formsOf(s)
          .filter((f) => !CJK.test(f))
          .flatMap((f) => [wordKey(f), wordKey(f.replace(/\([^)]*\)/g, ''))]),
      );
      const agrees = iso.some((n) => ours.has(wordKey(n)) || ours.has(wordKey(n.replace(/\([^)]*\)/g, ''))));
      if (!agrees) disagree.push(`${s.iso3}: ours ${s.name_en} / ISO ${iso.join(' | ')}`);
    }
    expect(disagree).toEqual([]);
  });
});
