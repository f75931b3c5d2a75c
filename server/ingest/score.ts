/**
 * The project's scorer: a graph.json against a reader's annotation of one report
 * (a "gold", e.g. tests/fixtures/dev/afr-rpm-2025.zh.gold.json). A faithful port of
 * the evaluation script the project is measured with (`eval/score.py` of the shared
 * evaluation kit): the same eleven metrics, the same name normalisation, the same
 * treatment of optional and alternative keys ("A|B" is satisfied by either), so the
 * figures it prints are the figures the project is judged by.
 *
 * Pure: the graph and the gold come in as data; `formatScore` gives the table.
 */
import { z } from 'zod';

/** One line of the table: a metric, its F1 (or fraction) in [0, 1], and what went wrong. */
export interface ScoreLine {
  metric: string;
  f1: number;
  detail: string;
}

export interface ScoreReport {
  lines: ScoreLine[];
  /** The first line with the lowest figure (as Python's `min` picks it). */
  worst: ScoreLine;
}

const keyList = z.array(z.string());
const aliasTable = z.record(z.string(), z.array(z.string()));

/** The annotation format of the evaluation kit (only the fields the scorer reads are checked; the rest is the annotator's notes). */
export const goldSchema = z.looseObject({
  report: z.looseObject({ paragraphs: z.number().int().nonnegative() }),
  aliases: z.looseObject({ instrument: aliasTable, crime: aliasTable, org: aliasTable.optional() }),
  recommendations: z.record(
    z.string(),
    z.looseObject({
      instruments: keyList.optional(),
      instruments_optional: keyList.optional(),
      crimes: keyList.optional(),
      crimes_optional: keyList.optional(),
    }),
  ),
  rec_topic: z.record(z.string(), z.union([z.string(), z.number()])),
  speakers: z.record(z.string(), z.looseObject({ states: keyList, orgs: keyList })),
  attendance: z.looseObject({ member: keyList, observer: keyList, orgs: keyList, orgs_optional: keyList }),
  same_entity: z.array(z.tuple([z.string(), z.string()])),
  links: z
    .looseObject({ predicate: z.array(z.tuple([z.string(), z.string()])).optional(), forbidden: z.array(z.tuple([z.string(), z.string()])).optional() })
    .optional(),
});
export type Gold = z.infer<typeof goldSchema>;

/** What the scorer reads of a graph: any graph.json, whatever its property values. */
export interface ScoredGraph {
  nodes: readonly { id: string; labels?: readonly string[] | null; properties?: Record<string, unknown> | null }[];
  relationships: readonly { type?: string; start?: string; end?: string; properties?: Record<string, unknown> | null }[];
}

// ── Python semantics the script relies on ───────────────────────────────────

const NORM_DROPPED = /[\s\x1c-\x1f《》“”"'()（）[\]·.,，、:;：；\-–—]/gu;

/** score.py's `norm`: lower case, no spaces, brackets, quotes or punctuation, no leading "the". */
export function normName(s: unknown): string {
  return pyStr(s).toLowerCase().replace(NORM_DROPPED, '').replace(/^the/, '');
}

/** Python's `str()` of a JSON value, as far as the scorer prints or compares it. */
function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** Python's `int()` of a JSON value; null when Python would raise. */
function pyInt(v: unknown): number | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : null;
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number.parseInt(v, 10);
  return null;
}

/** Python truthiness of a JSON value. */
function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** `format(x, '.2f')`: rounds half to even where the double is an exact tie (0.125 → "0.12"), as Python does. */
export function fixed2(x: number): string {
  if (Number.isInteger(x * 8) && !Number.isInteger(x * 100)) {
    const hundredths = Math.floor(x * 100);
    return ((hundredths % 2 === 0 ? hundredths : hundredths + 1) / 100).toFixed(2);
  }
  return x.toFixed(2);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const codePoints = (s: string) => [...s].length;

function prf<T>(pred: Set<T>, ref: Set<T>, optional: Set<T> = new Set()): { p: number; r: number; f: number; fp: T[]; fn: T[] } {
  const predicted = new Set([...pred].filter((x) => !optional.has(x)));
  const tp = [...predicted].filter((x) => ref.has(x)).length;
  const p = predicted.size > 0 ? tp / predicted.size : ref.size === 0 ? 1 : 0;
  const r = ref.size > 0 ? tp / ref.size : 1;
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return { p, r, f, fp: [...predicted].filter((x) => !ref.has(x)).sort(), fn: [...ref].filter((x) => !predicted.has(x)).sort() };
}

const show = (items: readonly unknown[]) => JSON.stringify(items);

// ── The scorer ──────────────────────────────────────────────────────────────

/**
 * Scores a graph against a gold, metric by metric, exactly as score.py does.
 * Throws when the gold annotates no recommendation (the script divides by their number).
 */
export function scoreGraph(graph: ScoredGraph, gold: Gold): ScoreReport {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const has = (id: string, label: string) => (nodes.get(id)?.labels ?? []).includes(label);
  const props = (id: string): Record<string, unknown> => nodes.get(id)?.properties ?? {};
  const namesCache = new Map<string, Set<string>>();
  const names = (id: string): Set<string> => {
    let out = namesCache.get(id);
    if (out) return out;
    out = new Set<string>();
    const p = props(id);
    for (const k of ['name', 'name_zh', 'name_en', 'short_en', 'short_zh', 'title_en', 'title_zh']) {
      const v = p[k];
      if (typeof v === 'string' && v) out.add(normName(v));
    }
    const aliases = p.aliases;
    if (Array.isArray(aliases)) for (const v of aliases) if (typeof v === 'string' && v) out.add(normName(v));
    namesCache.set(id, out);
    return out;
  };

  const keymap = (kind: 'instrument' | 'crime', label: string): Map<string, Set<string>> => {
    const table = gold.aliases[kind];
    const contains = new Set(table._contains ?? []);
    const m = new Map<string, Set<string>>();
    for (const nid of nodes.keys()) {
      if (!has(nid, label)) continue;
      const ns = names(nid);
      for (const [key, al] of Object.entries(table)) {
        if (key.startsWith('_')) continue;
        const als = new Set(al.map(normName));
        const hit = [...ns].some((x) => als.has(x)) || (contains.has(key) && [...als].some((a) => [...ns].some((x) => x.includes(a))));
        if (hit) m.set(nid, (m.get(nid) ?? new Set()).add(key));
      }
    }
    return m;
  };
  const inst = keymap('instrument', 'Instrument');
  const crime = keymap('crime', 'CrimeType');

  const results: ScoreLine[] = [];
  const push = (metric: string, f1: number, detail: string) => results.push({ metric, f1, detail });

  // structure
  const paras = [...nodes.keys()].filter((id) => has(id, 'Paragraph'));
  const recs = new Map<string, string>();
  for (const nid of nodes.keys()) {
    if (!has(nid, 'Recommendation')) continue;
    const paragraph = pyInt(props(nid).paragraph);
    if (paragraph !== null) recs.set(nid, `${paragraph}(${pyStr(props(nid).letter)})`);
  }
  const goldRecs = new Set(Object.keys(gold.recommendations));
  let s = prf(new Set(recs.values()), goldRecs);
  push('recommendations found', s.f, `${recs.size} nodes; extra ${show(s.fp.slice(0, 5))} missing ${show(s.fn.slice(0, 5))}`);
  const pnums = new Set<number>();
  for (const id of paras) {
    const n = pyInt(props(id).number);
    if (n !== null) pnums.add(n);
  }
  const numbered = prf(pnums, new Set(Array.from({ length: gold.report.paragraphs }, (_, i) => i + 1)));
  push('paragraphs found', numbered.f, `${paras.length} nodes; extra ${show(numbered.fp.slice(0, 5))} missing ${show(numbered.fn.slice(0, 5))}`);

  // recommendation -> topic
  const topicOf = (nid: string): string | null => {
    if (!nodes.has(nid)) return null;
    if (has(nid, 'Theme')) return 'theme';
    if (has(nid, 'AgendaItem')) {
      const n = pyInt(props(nid).number);
      return n === null ? null : String(n);
    }
    return null;
  };

  const recTopic = new Map<string, string>();
  const cites = new Map<string, Set<string>>();
  const addr = new Map<string, Set<string>>();
  const spoke = new Map<string, Set<string>>(); // topic → JSON [kind, value]
  const attended = new Set<string>(); // JSON [iso3, role]
  const attOrgs = new Set<string>();
  const linked: [Set<string>, Set<string>, string][] = [];
  const addAll = (m: Map<string, Set<string>>, k: string, values: Iterable<string>) => {
    const set = m.get(k) ?? new Set<string>();
    for (const v of values) set.add(v);
    m.set(k, set);
  };
  for (const r of graph.relationships) {
    const t = r.type;
    const start = r.start ?? '';
    const end = r.end ?? '';
    if (!nodes.has(start) || !nodes.has(end)) continue;
    const rp = r.properties ?? {};
    if (t === 'UNDER' && recs.has(start)) {
      const tp = topicOf(end);
      if (tp) recTopic.set(recs.get(start)!, tp);
    } else if (t === 'CITES' && recs.has(start)) {
      addAll(cites, recs.get(start)!, inst.get(end) ?? [`other:${end}`]);
    } else if (t === 'ADDRESSES' && recs.has(start)) {
      addAll(addr, recs.get(start)!, crime.get(end) ?? [`other:${end}`]);
    } else if (t === 'SPOKE_ON') {
      const tp = topicOf(end);
      if (tp === null) continue;
      if (has(start, 'State')) addAll(spoke, tp, [JSON.stringify(['S', props(start).iso3 ?? null])]);
      else if (has(start, 'Organization')) addAll(spoke, tp, [JSON.stringify(['O', start])]);
    } else if (t === 'ATTENDED') {
      if (has(start, 'State')) attended.add(JSON.stringify([props(start).iso3 ?? null, rp.role ?? null]));
      else if (has(start, 'Organization')) attOrgs.add(start);
    } else if (t === 'LINKED_TO') {
      linked.push([crime.get(start) ?? new Set(), crime.get(end) ?? new Set(), 'kind' in rp ? pyStr(rp.kind) : '']);
    }
  }

  const wantTopic = [...goldRecs].map((k) => [k, pyStr(gold.rec_topic[k.split('(')[0]!])] as const);
  if (wantTopic.length === 0) throw new Error('the annotation lists no recommendations (score.py divides by their number)');
  const topicOk = wantTopic.filter(([k, v]) => recTopic.get(k) === v).length;
  push('recommendation -> agenda item', topicOk / wantTopic.length, `${topicOk}/${wantTopic.length}`);

  const relScore = (name: string, predMap: Map<string, Set<string>>, keyReq: 'instruments' | 'crimes', keyOpt: 'instruments_optional' | 'crimes_optional') => {
    let tp = 0;
    let fpn = 0;
    let fnn = 0;
    const fps: [string, string][] = [];
    const fns: [string, string][] = [];
    for (const [k, gv] of Object.entries(gold.recommendations)) {
      const req = (gv[keyReq] ?? []).map((x) => new Set(x.split('|')));
      const opt = new Set(gv[keyOpt] ?? []);
      const pred = predMap.get(k) ?? new Set<string>();
      const used = new Set<string>();
      for (const alts of req) {
        const hit = [...alts].filter((a) => pred.has(a));
        if (hit.length > 0) {
          tp += 1;
          for (const h of hit) used.add(h);
        } else {
          fnn += 1;
          fns.push([k, [...alts].sort().join('|')]);
        }
      }
      const required = new Set(req.flatMap((alts) => [...alts]));
      for (const x of [...pred].sort()) {
        if (used.has(x) || opt.has(x) || required.has(x)) continue;
        fpn += 1;
        fps.push([k, x]);
      }
    }
    const p = tp + fpn > 0 ? tp / (tp + fpn) : 1;
    const r = tp + fnn > 0 ? tp / (tp + fnn) : 1;
    const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
    push(name, f, `P ${fixed2(p)} R ${fixed2(r)}; false ${show(fps.slice(0, 6))} missed ${show(fns.slice(0, 6))}`);
  };
  relScore('CITES (rec -> instrument)', cites, 'instruments', 'instruments_optional');
  relScore('ADDRESSES (rec -> crime)', addr, 'crimes', 'crimes_optional');

  // speakers: organisations matched by name
  const orgAliases = gold.aliases.org ?? {};
  const orgIdsCache = new Map<string, Set<string>>();
  const orgIdsFor = (zh: string): Set<string> => {
    let out = orgIdsCache.get(zh);
    if (out) return out;
    const ks = new Set([...(orgAliases[zh] ?? []).map(normName), normName(zh)]);
    out = new Set([...nodes.keys()].filter((nid) => has(nid, 'Organization') && [...names(nid)].some((x) => ks.has(x))));
    orgIdsCache.set(zh, out);
    return out;
  };
  const key = (...parts: unknown[]) => JSON.stringify(parts);
  const ref = new Set<string>();
  for (const [tp, gv] of Object.entries(gold.speakers)) {
    for (const iso of gv.states) ref.add(key(tp, 'S', iso));
    for (const zh of gv.orgs) ref.add(key(tp, 'O', zh));
  }
  const pred = new Set<string>();
  const allSpeakerOrgs = Object.values(gold.speakers).flatMap((gv) => gv.orgs);
  for (const [tp, items] of spoke) {
    for (const item of items) {
      const [kind, v] = JSON.parse(item) as [string, unknown];
      if (kind === 'S') pred.add(key(tp, 'S', v));
      else {
        const zhs = allSpeakerOrgs.filter((zh) => orgIdsFor(zh).has(v as string));
        if (zhs.length > 0) for (const zh of new Set(zhs)) pred.add(key(tp, 'O', zh));
        else pred.add(key(tp, 'O', v));
      }
    }
  }
  s = prf(pred, ref);
  push('SPOKE_ON (speaker -> agenda item)', s.f, `P ${fixed2(s.p)} R ${fixed2(s.r)}; false ${show(s.fp.slice(0, 4))} missed ${show(s.fn.slice(0, 4))}`);

  const stateRef = new Set([...gold.attendance.member.map((i) => key(i, 'member')), ...gold.attendance.observer.map((i) => key(i, 'observer'))]);
  s = prf(attended, stateRef);
  push('ATTENDED (state, role)', s.f, `P ${fixed2(s.p)} R ${fixed2(s.r)}; false ${show(s.fp.slice(0, 4))} missed ${show(s.fn.slice(0, 4))}`);

  const orgPred = new Set<string>();
  const listedOrgs = [...gold.attendance.orgs, ...gold.attendance.orgs_optional];
  for (const nid of attOrgs) {
    const hit = listedOrgs.filter((zh) => orgIdsFor(zh).has(nid));
    if (hit.length > 0) for (const h of hit) orgPred.add(h);
    else orgPred.add(`other:${nid}`);
  }
  s = prf(orgPred, new Set(gold.attendance.orgs), new Set(gold.attendance.orgs_optional));
  push('ATTENDED (organisations)', s.f, `P ${fixed2(s.p)} R ${fixed2(s.r)}; false ${show(s.fp.slice(0, 4))} missed ${show(s.fn.slice(0, 4))}`);

  // entity resolution
  let sameOk = 0;
  const holders = (name: string) => new Set([...nodes.keys()].filter((nid) => names(nid).has(normName(name))));
  const failed: string[] = [];
  for (const [a, b] of gold.same_entity) {
    const ia = holders(a);
    const ib = holders(b);
    if (ia.size === 1 && ib.size === 1 && [...ia][0] === [...ib][0]) sameOk += 1;
    else failed.push(`${a} ~ ${b}`);
  }
  push(
    'same entity under two names',
    gold.same_entity.length > 0 ? sameOk / gold.same_entity.length : 1,
    `${sameOk}/${gold.same_entity.length}${failed.length ? `; apart: ${show(failed.slice(0, 4))}` : ''}`,
  );

  // stated crime links
  const lk = gold.links ?? {};
  let found = 0;
  for (const [a, b] of lk.predicate ?? []) {
    const A = new Set(a.split('|'));
    const B = new Set(b.split('|'));
    if (linked.some(([s0, e0, k]) => [...s0].some((x) => A.has(x)) && [...e0].some((x) => B.has(x)) && k.includes('predicate'))) found += 1;
  }
  const bad: string[] = [];
  for (const [a, b] of lk.forbidden ?? []) {
    if (linked.some(([s0, e0, k]) => ((s0.has(a) && e0.has(b)) || (s0.has(b) && e0.has(a))) && !k.includes('contest'))) bad.push(`${a}~${b}`);
  }
  const want = (lk.predicate ?? []).length;
  push(
    'LINKED_TO stated links',
    (want ? found / want : 1) * (bad.length ? 0 : 1),
    `predicate-offence links ${found}/${want}; uncontested forbidden links ${show(bad)}`,
  );

  // provenance: every text-derived relationship says where it came from, and its words are really there
  const texts = new Map<string, string>();
  for (const nid of nodes.keys()) if (has(nid, 'Paragraph') || has(nid, 'Recommendation')) texts.set(nid, pyStrOrEmpty(props(nid).text));
  let checked = 0;
  let good = 0;
  const badEx: string[] = [];
  for (const r of graph.relationships) {
    const t = r.type ?? '';
    const start = r.start ?? '';
    const p = r.properties ?? {};
    if (['CITES', 'ADDRESSES', 'SPOKE_ON', 'ATTENDED', 'LINKED_TO'].includes(t)) {
      checked += 1;
      let ok =
        p.paragraph !== undefined && p.paragraph !== null && p.paragraph !== '' && (['SPOKE_ON', 'ATTENDED', 'LINKED_TO'].includes(t) || truthy(p.evidence));
      if (ok && (t === 'CITES' || t === 'ADDRESSES') && texts.has(start)) ok = texts.get(start)!.includes(pyStr(p.evidence));
      if (ok) good += 1;
      else if (badEx.length < 3) badEx.push(`${t} ${start}->${r.end}`);
    } else if (t === 'MENTIONS' && texts.has(start)) {
      checked += 1;
      const spans = Array.isArray(p.spans) ? (p.spans as unknown[]) : [];
      const txt = texts.get(start)!;
      const flat: unknown[][] = spans.length > 0 && Array.isArray(spans[0]) ? (spans as unknown[][]) : [];
      if (!(spans.length > 0 && Array.isArray(spans[0]))) for (let i = 0; i < spans.length; i += 2) flat.push(spans.slice(i, i + 2));
      const length = codePoints(txt);
      const ok =
        flat.length > 0 &&
        flat.every((pair) => pair.length === 2 && isInt(pair[0]) && isInt(pair[1]) && 0 <= pair[0] && pair[0] < pair[1] && pair[1] <= length);
      if (ok) good += 1;
      else if (badEx.length < 3) badEx.push(`MENTIONS ${start}->${r.end} spans ${JSON.stringify(spans).slice(0, 30)}`);
    }
  }
  push('provenance present and true', checked ? good / checked : 0, `${good}/${checked}; e.g. ${show(badEx)}`);

  let worst = results[0]!;
  for (const line of results) if (line.f1 < worst.f1) worst = line;
  return { lines: results, worst };
}

function pyStrOrEmpty(v: unknown): string {
  return truthy(v) ? pyStr(v) : '';
}

/** The table as score.py prints it; the last line reads "min F1 X.XX (metric)". */
export function formatScore(report: ScoreReport): string {
  const width = Math.max(...report.lines.map((l) => l.metric.length));
  const rows = report.lines.map((l) => `${l.metric.padEnd(width)}  ${fixed2(l.f1).padStart(5)}  ${l.detail}`);
  return [...rows, `min F1 ${fixed2(report.worst.f1)} (${report.worst.metric})`].join('\n');
}
