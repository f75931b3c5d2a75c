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

// ⟦n⟧ stands for the n-th crime mention in the unit; the patterns read the words between them.
// `reverse`: the first mention is the later crime of the pair ("predicate offences to ML include X").
interface LinkPattern {
  pattern: RegExp;
  kind: Exclude<LinkKind, 'contested'>;
  reverse?: boolean;
}

/** The UN's Chinese term for a predicate offence is 上游犯罪; 前置犯罪 is also written. */
const ZH_PREDICATE = '(?:上游犯罪|前置犯罪)';

const PATTERNS: Record<Language, LinkPattern[]> = {
  zh: [
    { pattern: new RegExp(String.raw`⟦(\d+)⟧[^⟦。；]{0,10}?⟦(\d+)⟧罪?的${ZH_PREDICATE}`, 'g'), kind: 'predicate-offence' },
    // "洗钱的上游犯罪包括X", "将洗钱的上游犯罪扩大到X"
    {
      pattern: new RegExp(String.raw`⟦(\d+)⟧罪?的${ZH_PREDICATE}[^⟦。；]{0,8}?(?:包括|涵盖|扩大到|扩展到|如)[^⟦。；]{0,4}?⟦(\d+)⟧`, 'g'),
      kind: 'predicate-offence',
      reverse: true,
    },
    { pattern: /⟦(\d+)⟧是一种[^⟦。；]{0,12}?⟦(\d+)⟧形式/g, kind: 'form-of' },
    { pattern: /⟦(\d+)⟧(?:与|和|同)[^⟦。；，]{0,8}?⟦(\d+)⟧(?:之间)?的?(?:联系|关联|关系|勾连|交织)/g, kind: 'nexus' },
    { pattern: /(?:将|把)⟦(\d+)⟧(?:与|和|同)⟦(\d+)⟧[^⟦。；，]{0,8}?(?:联系|挂钩|混为一谈|相提并论|等同|关联)/g, kind: 'nexus' },
  ],
  en: [
    { pattern: /⟦(\d+)⟧[^⟦.;]{0,40}?predicate (?:offen[cs]es?|crimes?) (?:to|for|of) (?:the )?⟦(\d+)⟧/gi, kind: 'predicate-offence' },
    // "predicate offences for money-laundering, such as X", "… to include X"
    {
      pattern:
        /predicate (?:offen[cs]es?|crimes?) (?:to|for|of) (?:the )?⟦(\d+)⟧[^⟦.;]{0,30}?(?:such as|including|include|includes|cover|covers|namely|,) (?:the )?⟦(\d+)⟧/gi,
      kind: 'predicate-offence',
      reverse: true,
    },
    { pattern: /⟦(\d+)⟧ (?:is|are|as) an? [^⟦.;]{0,30}?form of ⟦(\d+)⟧/gi, kind: 'form-of' },
    { pattern: /(?:links?|linkages?|nexus|connections?|interlinkages?) between (?:the )?⟦(\d+)⟧ and (?:the )?(?:other forms of )?⟦(\d+)⟧/gi, kind: 'nexus' },
    {
      pattern: /(?:linking|link|conflating|conflate|associating|associate|equating|equate) (?:the )?⟦(\d+)⟧ (?:with|and|to) (?:the )?⟦(\d+)⟧/gi,
      kind: 'nexus',
    },
  ],
};

/**
 * Words that stand for crimes named before them. Plural ones ("such crimes", "them", "这些犯罪",
 * "其") stand for the crimes the sentence is about: the first one it names and those listed with it;
 * singular ones ("this crime", "该犯罪") for the nearest crime named before.
 */
const ANAPHORA: Record<Language, { plural: RegExp; singular: RegExp }> = {
  zh: { plural: /此类犯罪|这类犯罪|这些犯罪|该类犯罪|上述犯罪|这些罪行|此类罪行|它们|(?<=将|把)其/g, singular: /该犯罪|这种犯罪|此种犯罪/g },
  en: {
    plural: /\b(?:such crimes|such offences|these crimes|these offences|those crimes|those offences|them)\b/gi,
    singular: /\b(?:such a crime|such crime|this crime|this offence)\b/gi,
  },
};

/** What may stand between two crimes of one list: commas, "and", "including"; "、", "和", "包括". */
const LIST_GLUE: Record<Language, RegExp> = {
  zh: /^[\s，,、]*(?:(?:包括|特别是|尤其是|例如|如|以及|和|与|及|或)[\s，,、]*)*$/,
  en: /^[\s,]*(?:(?:including|in particular|notably|such as|namely|as well as|and|or)\b[\s,]*)*(?:the\s+|other\s+)*$/i,
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

/** A crime mention, or a word standing for crimes, with the crimes it stands for. */
interface Mention extends Match {
  group: Match[];
}

/**
 * The crimes listed together with `crimes[i]`: it and the mentions after it (`forward`) or
 * before it joined to it by list words only ("X, including Y and Z"; "X、Y和Z").
 */
function listWith(text: string, crimes: readonly Match[], i: number, lang: Language, forward: boolean): Match[] {
  const group = [crimes[i]!];
  for (let k = forward ? i + 1 : i - 1; k >= 0 && k < crimes.length; k += forward ? 1 : -1) {
    const [a, b] = forward ? [group[group.length - 1]!, crimes[k]!] : [crimes[k]!, group[group.length - 1]!];
    if (!LIST_GLUE[lang].test(text.slice(a.end, b.start))) break;
    group.push(crimes[k]!);
  }
  return group;
}

/** Crime mentions and the words that stand for crimes, in text order. */
function withAnaphora(text: string, crimes: readonly Match[], lang: Language): Mention[] {
  const mentions: Mention[] = crimes.map((c) => ({ ...c, group: [c] }));
  const free = (start: number, end: number) => !crimes.some((c) => c.start < end && start < c.end);
  for (const [kind, pattern] of Object.entries(ANAPHORA[lang]) as ['plural' | 'singular', RegExp][]) {
    for (const a of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const end = a.index + a[0].length;
      if (!free(a.index, end)) continue;
      const before = crimes.filter((c) => c.end <= a.index);
      if (before.length === 0) continue;
      const sentenceStart = lastSentenceEnd(text.slice(0, a.index), lang);
      const inSentence = before.findIndex((c) => c.start >= sentenceStart);
      const group = kind === 'plural' && inSentence >= 0 ? listWith(text, before, inSentence, lang, true) : [before[before.length - 1]!];
      mentions.push({ start: a.index, end, text: a[0], target: group[0]!.target, group });
    }
  }
  return mentions.sort((x, y) => x.start - y.start);
}

export interface StatedLink {
  from: string;
  to: string;
  kind: LinkKind;
  evidence: string;
  spans: number[];
}

/**
 * The links the text of one unit states between the crimes it names (`matches`: the unit's
 * matches of any label; only CrimeType ones are read). The first crime of a stated pair
 * brings the crimes listed with it ("X, Y and Z as predicate offences to ML" links all three).
 * A link in a sentence that warns against it ("cautioned against conflating X with Y") is
 * `contested`. Pure; throws nothing.
 */
export function findLinks(text: string, matches: readonly Match[], lang: Language): StatedLink[] {
  const crimes = withAnaphora(
    text,
    matches.filter((m) => m.target.label === 'CrimeType'),
    lang,
  );
  if (crimes.length < 2) return [];
  const masked = mask(text, crimes);
  const links: StatedLink[] = [];
  const seen = new Set<string>();
  for (const { pattern, kind, reverse } of PATTERNS[lang]) {
    for (const m of masked.text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const [i, j] = reverse ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
      const b = crimes[j]!;
      const sources = reverse
        ? listWith(text, crimes, i, lang, true).flatMap((c) => (c as Mention).group)
        : listWith(text, crimes, i, lang, false).flatMap((c) => (c as Mention).group);
      const start = masked.from[m.index]!;
      const end = masked.to[m.index + m[0].length - 1]!;
      const sentenceStart = lastSentenceEnd(text.slice(0, start), lang);
      const warned = WARNING[lang].test(text.slice(sentenceStart, start));
      const stated = warned ? 'contested' : kind;
      for (const source of sources) {
        const key = `${source.target.id}|${b.target.id}|${stated}`;
        if (source.target.id === b.target.id || seen.has(key)) continue;
        seen.add(key);
        links.push({ from: source.target.id, to: b.target.id, kind: stated, evidence: text.slice(start, end), spans: [start, end] });
      }
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
