/**
 * The report's own vocabulary, learned before its facts are extracted: the names its
 * lists give that the gazetteer lacks, the instruments it names by the form of their
 * titles or by resolution symbol, and the short forms it defines in brackets. The result
 * is a set of extra surface forms (for the matcher) and of unreviewed entities (for nodes),
 * each reported in a warning so that a person can review it.
 */
import type { Match, Matcher, SurfaceForm } from '../match/matcher.ts';
import { buildMatcher } from '../match/matcher.ts';
import type { AttendanceRole, Language, NameList, ReportStructure } from '../parse/types.ts';
import { findDefinitions } from './definitions.ts';
import { findInstrumentTitles, findResolutions, type ResolutionHit } from './instrumentForms.ts';
import { listItems } from './listItems.ts';
import { ATTENDANCE_LABELS, SPEAKER_LABELS } from './participants.ts';
import type { TextUnit } from './units.ts';
import { createUnreviewedRegistry, unreviewedSurfaceForms, type UnreviewedEntity } from './unreviewed.ts';

export interface ReportVocabulary {
  /** Surface forms to add to the gazetteer's: unreviewed entities' names and short forms defined for known entities. */
  forms: SurfaceForm[];
  entities: UnreviewedEntity[];
  /** Short forms the text defines for entities the gazetteer knows, by entity id (added to the node's aliases). */
  aliases: Map<string, string[]>;
  warnings: string[];
}

/** Organisation kind from the attendance list's role (MODEL.md: Organization.kind). */
const KIND_OF_ROLE: Partial<Record<AttendanceRole, string>> = {
  'un-entity': 'un-entity',
  institute: 'institute',
  ngo: 'ngo',
  igo: 'igo',
  'specialized-agency': 'specialized-agency',
};

/** A name that reads as a State's ("Republic of …", "…国"): a State the gazetteer lacks is only reported, never made up. */
const STATE_LIKE: Record<Language, RegExp> = {
  zh: /国$/,
  en: /\b(?:Republic|Kingdom|State|States|Federation|Principality|Sultanate|Emirates|Islands|Commonwealth of|Holy See)\b/,
};

/** A piece of a list that cannot be a name: a description ("a non-member observer State"), a lone word of glue. */
function isNameLike(text: string, lang: Language): boolean {
  if (lang === 'en') return /^[\p{Lu}\d]/u.test(text) && /\p{L}{2}/u.test(text);
  return /\p{Script=Han}{2}/u.test(text) && !/^(?:作为|也|均|还)/.test(text);
}

/** "International Centre for the Prevention of Crime (ICPC)" → the name and its bracketed short form. */
function splitShortForm(text: string): { name: string; short: string | null } {
  const m = /^(?<name>.+?)\s*[（(](?<short>[^（）()]{1,20})[）)]$/u.exec(text);
  if (!m?.groups) return { name: text, short: null };
  return { name: m.groups.name!.trim(), short: m.groups.short!.trim() };
}

const RESOLUTION_ID_PREFIX: Record<'A' | 'E' | 'S', string> = { A: 'a-res', E: 'e-res', S: 's-res' };
const BODY_NAMES: Record<'A' | 'E' | 'S', { zh: string; en: string }> = {
  A: { zh: '大会', en: 'General Assembly' },
  E: { zh: '经济及社会理事会', en: 'Economic and Social Council' },
  S: { zh: '安全理事会', en: 'Security Council' },
};

function resolutionEntity(
  hits: readonly ResolutionHit[],
  lang: Language,
): { id: string; name: string; forms: string[]; kind: string; symbol: string | null; year: number | null } {
  const first = hits[0]!;
  const body = hits.find((h) => h.body)?.body ?? null;
  const n = first.number;
  const slug = n.replace(/[^\d]+/g, '-').replace(/-$/, '');
  const id = `instrument:${body ? RESOLUTION_ID_PREFIX[body] : first.type}-${slug}`;
  const word = lang === 'zh' ? (first.type === 'decision' ? '号决定' : '号决议') : first.type;
  const bare = lang === 'zh' ? `第${n}${word}` : `${word} ${n}`;
  const name = body ? (lang === 'zh' ? `${BODY_NAMES[body].zh}${bare}` : `${BODY_NAMES[body].en} ${bare}`) : bare;
  const symbol = body && first.type === 'resolution' ? (body === 'S' ? `S/RES/${n}` : `${body}/RES/${n}`) : null;
  const year = body === 'S' ? Number(/\((\d{4})\)/.exec(n)?.[1] ?? NaN) || null : null;
  return { id, name, forms: [...new Set([name, bare, ...hits.map((h) => h.text)])], kind: first.type, symbol, year };
}

function covered(start: number, end: number, matches: readonly Match[], label?: string): boolean {
  return matches.some((m) => m.start < end && start < m.end && (!label || m.target.label === label));
}

/**
 * A title that names a known instrument as the one it belongs to ("Optional Protocol to the
 * Convention on the Rights of the Child on …") is an instrument of its own, not a mention of
 * the known one: the known title sits after the longer title's own head word and a "to"/"of"/
 * "supplementing" ("the Mechanism for the Review of the Implementation of UNTOC" has no head
 * word of its own before UNTOC, and stays a mention of UNTOC).
 */
export function dependsOn(text: string, title: { start: number; end: number; headStart: number }, known: Match): boolean {
  if (!(title.headStart < known.start && known.end <= title.end)) return false;
  return /\b(?:to|of|under|supplementing)\s+(?:the\s+)?$/i.test(text.slice(title.start, known.start));
}

/**
 * Learns the report's vocabulary. `matcher` knows the gazetteer and the people of the report;
 * `units` are its paragraphs and recommendations; `knownIds` the gazetteer's ids, which no
 * unreviewed entity may take. Throws nothing: what cannot be placed is a warning.
 */
export function buildVocabulary(s: ReportStructure, units: readonly TextUnit[], matcher: Matcher, knownIds: ReadonlySet<string>): ReportVocabulary {
  const lang = s.language;
  const registry = createUnreviewedRegistry(knownIds);
  const warnings: string[] = [];
  const aliases = new Map<string, string[]>();
  const aliasForms: SurfaceForm[] = [];
  const addAlias = (target: Match['target'], form: string) => {
    const list = aliases.get(target.id) ?? [];
    if (list.includes(form)) return;
    aliases.set(target.id, [...list, form]);
    aliasForms.push({ surface: form, target });
  };

  // 1. Names in lists of speakers and participants.
  const lists: { list: NameList; allowed: string[]; kind: string | null; where: (text: string) => string }[] = [
    ...s.speakerLists.map((l) => ({
      list: l as NameList,
      allowed: SPEAKER_LABELS[l.kind],
      kind: l.kind === 'state' ? null : l.kind === 'organization' ? 'organization' : 'any',
      where: (text: string) => `line ${l.line}: unmatched speaker name in paragraph ${l.paragraph}: "${text}"`,
    })),
    ...s.attendance.map((l) => ({
      list: l as NameList,
      allowed: ATTENDANCE_LABELS[l.role],
      kind: l.role === 'member' ? null : l.role === 'observer' ? 'any' : (KIND_OF_ROLE[l.role] ?? 'organization'),
      where: (text: string) => `line ${l.line}: unmatched name in the attendance list of paragraph ${l.paragraph}: "${text}"`,
    })),
  ];
  for (const { list, allowed, kind, where } of lists) {
    for (const item of listItems(list, matcher, allowed, lang)) {
      if (item.match) continue;
      const { name, short } = splitShortForm(item.text);
      if (!isNameLike(name, lang)) continue;
      // An acronym written in another case ("Interpol" for INTERPOL) is the known name: the list says it is a name.
      const sameLetters = matcher.targetsOf(name).find((t) => t !== null && allowed.includes(t.label));
      if (sameLetters) {
        addAlias(sameLetters, name);
        continue;
      }
      if (kind === null || (kind === 'any' && STATE_LIKE[lang].test(name))) {
        warnings.push(`${where(item.text)} (not a State in data/gazetteer/states.json)`);
        continue;
      }
      const forms = [...(short ? [short] : []), ...(item.text !== name ? [item.text] : [])];
      const id = registry.add({ label: 'Organization', kind: kind === 'any' ? 'organization' : kind, name, forms, paragraph: list.paragraph, line: list.line });
      warnings.push(`${where(item.text)}: kept as an unreviewed organization (${id})`);
    }
  }

  // 2. Instruments by the form of their titles, and resolutions by number.
  const resolutionHits = new Map<string, ResolutionHit[]>();
  for (const u of units) {
    const titles = findInstrumentTitles(u.text, lang);
    const resolutions = findResolutions(u.text, lang);
    if (titles.length === 0 && resolutions.length === 0) continue;
    const known = matcher.find(u.text);
    for (const t of titles) {
      if (
        covered(
          t.start,
          t.end,
          known.filter((k) => !dependsOn(u.text, t, k)),
          'Instrument',
        )
      )
        continue;
      // The title without "United Nations"/"联合国", or before its subtitle ("2063年议程：我们想要的非洲"), may be a known one.
      const prefixed = matcher.targetsOf(lang === 'zh' ? `联合国${t.title}` : `United Nations ${t.title}`).find((x) => x?.label === 'Instrument');
      if (prefixed) {
        addAlias(prefixed, t.title);
        continue;
      }
      const head = /^(?<head>[^：:]{2,}?)\s*[：:]\s*\S/u.exec(t.title)?.groups?.head;
      const headKind = head ? findInstrumentTitles(lang === 'zh' ? `《${head}》` : head, lang).find((h) => h.title === head) : undefined;
      const seen = registry.byForm(t.title);
      const id = registry.add({ label: 'Instrument', kind: t.kind, name: t.title, forms: headKind ? [head!] : [], paragraph: u.paragraph, line: u.line });
      if (!seen)
        warnings.push(`line ${u.line}: instrument "${t.title}" (paragraph ${u.paragraph}) is not in the gazetteer: kept as an unreviewed instrument (${id})`);
    }
    for (const r of resolutions) {
      if (covered(r.start, r.end, known, 'Instrument')) continue;
      const key = `${r.type} ${r.number}`;
      resolutionHits.set(key, [...(resolutionHits.get(key) ?? []), r]);
    }
  }
  for (const hits of resolutionHits.values()) {
    const r = resolutionEntity(hits, lang);
    const unit = units.find((u) => u.text.includes(hits[0]!.text))!;
    registry.add({
      id: r.id,
      label: 'Instrument',
      kind: r.kind,
      name: r.name,
      forms: r.forms,
      symbol: r.symbol,
      year: r.year,
      paragraph: unit.paragraph,
      line: unit.line,
    });
    warnings.push(
      `line ${unit.line}: ${r.kind} ${hits[0]!.number} (paragraph ${unit.paragraph}) is not in the gazetteer: kept as an unreviewed instrument (${r.id})`,
    );
  }

  // 3. Short forms defined in brackets, for known and unknown names alike.
  const interim = buildMatcher(unreviewedSurfaceForms(registry.all()), matcher);
  const unreviewedIds = new Set(registry.all().map((e) => e.id));
  for (const u of units) {
    if (!/[（(]/u.test(u.text)) continue; // no brackets, no definition
    const matches = interim.find(u.text);
    const titles = findInstrumentTitles(u.text, lang);
    for (const d of findDefinitions(u.text, matches, titles, lang)) {
      const shortMatches = interim.find(d.short);
      const shortTarget = shortMatches.length === 1 && shortMatches[0]!.text.length === d.short.length ? shortMatches[0]!.target : null;
      const longTarget = d.longMatch?.target ?? null;
      if (longTarget && shortTarget) {
        // Both already known: two unreviewed entities of one kind are one; an unreviewed one
        // (a short title in 《》 taken for an instrument by its form) defined as the short form of
        // a reviewed one is that one; two reviewed entities teach nothing.
        if (longTarget.id !== shortTarget.id && longTarget.label === shortTarget.label) {
          const [longNew, shortNew] = [unreviewedIds.has(longTarget.id), unreviewedIds.has(shortTarget.id)];
          if (longNew && shortNew) registry.merge(longTarget.id, shortTarget.id);
          else if (longNew !== shortNew) {
            const [keep, drop] = shortNew ? [longTarget, shortTarget] : [shortTarget, longTarget];
            for (const form of registry.absorb(drop.id)?.forms ?? []) addAlias(keep, form);
            unreviewedIds.delete(drop.id);
          }
        }
        continue;
      }
      if (shortMatches.length > 0 && !shortTarget) continue; // the brackets name something else (a State, a person's affiliation)
      if (longTarget) {
        if (['Organization', 'Instrument', 'CrimeType'].includes(longTarget.label)) addAlias(longTarget, d.short);
        continue;
      }
      if (shortTarget) {
        if (['Organization', 'Instrument'].includes(shortTarget.label)) addAlias(shortTarget, d.long);
        continue;
      }
      const title = titles.find((t) => t.start === d.longStart && t.end === d.longEnd);
      const label = title ? 'Instrument' : lang === 'zh' || /\p{Lu}{2}/u.test(d.short) ? 'Organization' : null;
      if (!label) continue;
      const existing = registry.byForm(d.long);
      const shortEntity = registry.byForm(d.short);
      const id = registry.add({ label, kind: title?.kind ?? 'organization', name: d.long, forms: [d.short], paragraph: u.paragraph, line: u.line });
      if (shortEntity && shortEntity.id !== id) registry.merge(id, shortEntity.id);
      if (!existing)
        warnings.push(
          `line ${u.line}: "${d.long} (${d.short})" (paragraph ${u.paragraph}) is not in the gazetteer: kept as an unreviewed ${label === 'Instrument' ? 'instrument' : 'organization'} (${id})`,
        );
    }
  }
  return { forms: [...unreviewedSurfaceForms(registry.all()), ...aliasForms], entities: registry.all(), aliases, warnings };
}
