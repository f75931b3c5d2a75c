/**
 * LINKED_TO: where the text itself states a link between two crime types —
 * one as the predicate offence of another, a nexus between them, one as a form
 * of another. A link the text warns against making ("avoid automatically
 * linking terrorism with organized crime") is recorded as `contested`, never
 * as a plain link.
 */
import type { Match } from '../match/matcher.ts';
import type { Language } from '../parse/types.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { rel } from './graphBuilder.ts';
import type { UnitMatches } from './mentions.ts';

export type LinkKind = 'predicate-offence' | 'nexus' | 'form-of' | 'contested';

interface LinkPattern {
  pattern: RegExp;
  kind: Exclude<LinkKind, 'contested'>;
}

// ⟦n⟧ stands for the n-th crime mention in the unit; the patterns read the words between them.
const PATTERNS: Record<Language, LinkPattern[]> = {
  zh: [
    { pattern: /⟦(\d+)⟧[^⟦。；]{0,8}?⟦(\d+)⟧的上游犯罪/g, kind: 'predicate-offence' },
    { pattern: /⟦(\d+)⟧是一种[^⟦。；]{0,12}?⟦(\d+)⟧形式/g, kind: 'form-of' },
    { pattern: /⟦(\d+)⟧(?:与|和|同)[^⟦。；，]{0,8}?⟦(\d+)⟧(?:之间)?的?(?:联系|关联|关系|勾连|交织)/g, kind: 'nexus' },
    { pattern: /(?:将|把)⟦(\d+)⟧(?:与|和|同)⟦(\d+)⟧[^⟦。；，]{0,8}?(?:联系|挂钩|混为一谈|相提并论|等同|关联)/g, kind: 'nexus' },
  ],
  en: [
    { pattern: /⟦(\d+)⟧[^⟦.;]{0,40}?predicate offen[cs]es? (?:to|for|of) (?:the )?⟦(\d+)⟧/gi, kind: 'predicate-offence' },
    { pattern: /⟦(\d+)⟧ (?:is|are|as) an? [^⟦.;]{0,30}?form of ⟦(\d+)⟧/gi, kind: 'form-of' },
    { pattern: /(?:links?|linkages?|nexus|connections?|interlinkages?) between (?:the )?⟦(\d+)⟧ and (?:the )?(?:other forms of )?⟦(\d+)⟧/gi, kind: 'nexus' },
    { pattern: /(?:linking|link|conflating|conflate|associating|associate|equating|equate) (?:the )?⟦(\d+)⟧ (?:with|and|to) (?:the )?⟦(\d+)⟧/gi, kind: 'nexus' },
  ],
};

const ANAPHORA: Record<Language, RegExp> = {
  zh: /此类犯罪|这类犯罪|这些犯罪|该类犯罪/g,
  en: /\b(?:such crimes?|these crimes|those crimes|this crime)\b/gi,
};

const WARNING: Record<Language, RegExp> = {
  zh: /谨慎|避免|告诫不要|警告不要|不应|不宜/,
  en: /\b(?:caution(?:ed)? against|warn(?:ed)? against|avoid|should not|must not)\b/i,
};

const SENTENCE_END: Record<Language, RegExp> = { zh: /[。；]/g, en: /[.;](?=\s|$)/g };

interface Masked {
  text: string;
  from: number[];
  to: number[];
}

/** The unit's text with each crime mention (and each "such crimes") replaced by ⟦n⟧. */
function mask(text: string, crimes: readonly Match[]): Masked {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let cursor = 0;
  crimes.forEach((m, n) => {
    for (let k = cursor; k < m.start; k++) {
      out.push(text[k]!);
      from.push(k);
      to.push(k + 1);
    }
    for (const ch of `⟦${n}⟧`) {
      out.push(ch);
      from.push(m.start);
      to.push(m.end);
    }
    cursor = m.end;
  });
  for (let k = cursor; k < text.length; k++) {
    out.push(text[k]!);
    from.push(k);
    to.push(k + 1);
  }
  return { text: out.join(''), from, to };
}

/** "Such crimes" stands for the nearest crime named before it. */
function withAnaphora(text: string, crimes: readonly Match[], lang: Language): Match[] {
  const resolved = [...crimes];
  for (const a of text.matchAll(ANAPHORA[lang])) {
    const antecedent = [...crimes].reverse().find((c) => c.end <= a.index);
    if (antecedent) resolved.push({ start: a.index, end: a.index + a[0].length, text: a[0], target: antecedent.target });
  }
  return resolved.sort((x, y) => x.start - y.start);
}

export interface StatedLink {
  from: string;
  to: string;
  kind: LinkKind;
  evidence: string;
  spans: number[];
}

export function findLinks(text: string, matches: readonly Match[], lang: Language): StatedLink[] {
  const crimes = withAnaphora(
    text,
    matches.filter((m) => m.target.label === 'CrimeType'),
    lang,
  );
  if (crimes.length < 2) return [];
  const masked = mask(text, crimes);
  const links: StatedLink[] = [];
  for (const { pattern, kind } of PATTERNS[lang]) {
    for (const m of masked.text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const a = crimes[Number(m[1])]!;
      const b = crimes[Number(m[2])]!;
      if (a.target.id === b.target.id) continue;
      const start = masked.from[m.index]!;
      const end = masked.to[m.index + m[0].length - 1]!;
      const sentenceStart = lastSentenceEnd(text.slice(0, start), lang);
      const warned = WARNING[lang].test(text.slice(sentenceStart, start));
      links.push({ from: a.target.id, to: b.target.id, kind: warned ? 'contested' : kind, evidence: text.slice(start, end), spans: [start, end] });
    }
  }
  return links;
}

function lastSentenceEnd(before: string, lang: Language): number {
  let at = 0;
  for (const m of before.matchAll(SENTENCE_END[lang])) at = m.index + m[0].length;
  return at;
}

export function addLinks(units: readonly UnitMatches[], lang: Language, reportId: string, graph: GraphBuilder): void {
  for (const { unit, matches } of units) {
    for (const link of findLinks(unit.text, matches, lang)) {
      graph.addRelationship(
        rel('LINKED_TO', link.from, link.to, {
          kind: link.kind,
          report: reportId,
          paragraph: unit.paragraph,
          unit: unit.id,
          evidence: link.evidence,
          spans: link.spans,
        }),
      );
    }
  }
}
