/**
 * The second object of a coordination, which the text does not repeat the trafficking word
 * for: "trafficking in wildlife and timber", "wildlife and timber trafficking",
 * "野生动植物和木材的非法贸易", "曲马多和其他合成阿片类药物非法贩运".
 */
import type { CrimeObjects } from '../gazetteer/crimeObjects.ts';
import type { Match } from '../match/matcher.ts';
import type { Language } from '../parse/types.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches for the objects a coordination adds to a crime match: "X and Y trafficking" and
 * "trafficking in X and Y" (also with "or", "、", "和", "其他"/"other"). Only objects outside
 * every existing match are added, so a crime word inside an instrument's title stays shielded.
 */
const patternCache = new WeakMap<CrimeObjects, Partial<Record<Language, { before: RegExp; after: RegExp }>>>();

/** The two patterns of a coordination for one language, built once per set of objects. */
function coordinationPatterns(objects: CrimeObjects, lang: Language): { before: RegExp; after: RegExp } | null {
  const table = lang === 'zh' ? objects.zh : objects.en;
  if (table.size === 0) return null;
  const cached = patternCache.get(objects)?.[lang];
  if (cached) return cached;
  const alternatives = [...table.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  const flags = lang === 'en' ? 'iu' : 'u';
  const open = lang === 'en' ? String.raw`(?<![\p{L}\d])` : '';
  const close = lang === 'en' ? String.raw`(?![\p{L}\d])` : '';
  // "X and " before the crime match; " and (in|of) (the) Y" after it.
  const leftConj = lang === 'zh' ? String.raw`\s*(?:和|与|及|以及|、|或)\s*(?:其他|其它)?\s*` : String.raw`\s+(?:and|or)\s+(?:other\s+)?`;
  const rightConj = lang === 'zh' ? leftConj : String.raw`\s+(?:and|or)\s+(?:other\s+)?(?:in\s+|of\s+)?(?:the\s+)?`;
  const patterns = {
    before: new RegExp(`${open}(?<obj>${alternatives})${close}${leftConj}$`, flags),
    after: new RegExp(`^${rightConj}(?<obj>${alternatives})${close}`, flags),
  };
  patternCache.set(objects, { ...patternCache.get(objects), [lang]: patterns });
  return patterns;
}

export function coordinatedCrimes(text: string, matches: readonly Match[], objects: CrimeObjects, lang: Language): Match[] {
  const patterns = coordinationPatterns(objects, lang);
  if (!patterns) return [];
  const table = lang === 'zh' ? objects.zh : objects.en;
  const { before, after } = patterns;
  const added: Match[] = [];
  const free = (start: number, end: number) => ![...matches, ...added].some((m) => m.start < end && start < m.end);
  const add = (start: number, obj: string) => {
    const id = table.get(lang === 'en' ? obj.toLowerCase() : obj);
    if (id && free(start, start + obj.length))
      added.push({ start, end: start + obj.length, text: text.slice(start, start + obj.length), target: { id, label: 'CrimeType' } });
  };
  for (const m of matches) {
    if (m.target.label !== 'CrimeType') continue;
    const window = text.slice(Math.max(0, m.start - 60), m.start);
    const left = before.exec(window);
    if (left?.groups) add(m.start - window.length + left.index, left.groups.obj!);
    const right = after.exec(text.slice(m.end, m.end + 80));
    if (right?.groups) add(m.end + right[0].length - right.groups.obj!.length, right.groups.obj!);
  }
  return added;
}
