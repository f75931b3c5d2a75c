/**
 * The heading of a discussion block: a substantive agenda item, usually paired with a
 * workshop. Reports write it in two orders, in both languages:
 *
 * - title first, number in brackets (the UN's own style, as in the adopted agenda):
 *   "Advancing … (agenda item 3); Building … (workshop 1)",
 *   "推进……（议程项目 3）；建设……（讲习班 1）";
 * - label first, title after it, quoted or after a colon:
 *   "Agenda item 3, “Advancing …”, and workshop 1, “Building …”",
 *   "Agenda item 3: Advancing …; workshop 1: Building …",
 *   "议程项目 3：“推进……”和讲习班 1：“建设……”", "议程项目三，“推进……”，以及讲习班一，“建设……”".
 *
 * The workshop half is optional in either order (a block may cover an agenda item alone).
 */
import { parseChineseNumeral } from './numerals.ts';
import type { Language } from './types.ts';

export interface BlockHeading {
  agendaItem: { number: number; title: string };
  workshop: { number: number; title: string } | null;
  /** True when the heading starts with its label ("Agenda item 3, …"); false for the bracketed form. */
  labelFirst: boolean;
}

interface Forms {
  /** Title first: "Title (agenda item 3); Title (workshop 1)". */
  bracketed: RegExp;
  /** Label first, at the start of the heading: number and the rest. */
  agendaLabel: RegExp;
  /** The workshop half of a label-first heading, searched after the agenda item's title. */
  workshopLabel: RegExp;
  number(s: string): number | null;
}

const NUMBER_ZH = String.raw`\d+|[一二三四五六七八九十]+`;

const FORMS: Record<Language, Forms> = {
  en: {
    bracketed:
      /^(?<agendaTitle>.+?)\s*\((?:substantive )?agenda item (?<agenda>\d+)\)(?:\s*[;,]\s*(?:and\s+)?(?<workshopTitle>.+?)\s*\(workshop (?<workshop>\d+)\))?\s*[;.]?$/i,
    agendaLabel: /^(?:substantive )?agenda item (?<n>\d+)\s*(?:[,:.–—-]\s*)?(?<rest>.*)$/i,
    workshopLabel: /(?:^|[,;]?\s+|[,;]\s*)(?:and\s+|together with\s+)?workshop (?<n>\d+)\s*(?:[,:.–—-]\s*)?(?<rest>.*)$/i,
    number: (s) => (/^\d+$/.test(s) ? Number(s) : null),
  },
  zh: {
    bracketed: new RegExp(
      String.raw`^(?<agendaTitle>.+?)\s*[（(]\s*(?:实质性)?议程项目\s*(?<agenda>${NUMBER_ZH})\s*[）)](?:\s*[；;，,]\s*(?:以及|和|及)?\s*(?<workshopTitle>.+?)\s*[（(]\s*讲习班\s*(?<workshop>${NUMBER_ZH})\s*[）)])?\s*[；;。]?$`,
    ),
    agendaLabel: new RegExp(String.raw`^(?:实质性)?议程项目\s*(?<n>${NUMBER_ZH})\s*(?:[，,：:、.．—–-]\s*)?(?<rest>.*)$`),
    workshopLabel: new RegExp(String.raw`(?:^|[，,；;]?\s*)(?:以及|和|及|与)?\s*讲习班\s*(?<n>${NUMBER_ZH})\s*(?:[，,：:、.．—–-]\s*)?(?<rest>.*)$`),
    number: parseChineseNumeral,
  },
};

const OPEN_QUOTE = /^[“"「『‘]/;
const CLOSE_QUOTE: Record<string, string> = { '“': '”', '"': '"', '「': '」', '『': '』', '‘': '’' };

/**
 * Reads `text` (one heading line, without its "1." number) as a block heading in
 * `language`, or returns null. Pure; throws nothing. A label-first heading needs a title
 * that is quoted or introduced by a colon, so that a sentence beginning "Agenda item 3 was
 * introduced …" is not taken for a heading.
 */
export function readBlockHeading(text: string, language: Language): BlockHeading | null {
  const forms = FORMS[language];
  const s = text.trim();
  const b = forms.bracketed.exec(s);
  if (b?.groups) {
    const agenda = forms.number(b.groups.agenda!);
    if (agenda === null) return null;
    const workshop = b.groups.workshop === undefined ? null : forms.number(b.groups.workshop);
    return {
      agendaItem: { number: agenda, title: b.groups.agendaTitle!.trim() },
      workshop: workshop === null ? null : { number: workshop, title: b.groups.workshopTitle!.trim() },
      labelFirst: false,
    };
  }
  const a = forms.agendaLabel.exec(s);
  if (!a?.groups) return null;
  const agenda = forms.number(a.groups.n!);
  if (agenda === null) return null;
  const separator = s.slice(0, s.length - a.groups.rest!.length);
  const first = titleAndTail(a.groups.rest!);
  if (!first || !(first.quoted || /[:：]\s*$/.test(separator))) return null;
  let workshop: BlockHeading['workshop'] = null;
  if (first.tail.trim() !== '') {
    const w = forms.workshopLabel.exec(first.tail);
    if (!w?.groups || w.index !== 0) return null;
    const n = forms.number(w.groups.n!);
    const second = titleAndTail(w.groups.rest!);
    if (n === null || !second || second.tail.replace(/[\s.;。；]/g, '') !== '') return null;
    workshop = { number: n, title: second.title };
  }
  return { agendaItem: { number: agenda, title: first.title }, workshop, labelFirst: true };
}

/**
 * The title at the start of `s`: a quoted one up to its closing quote, or else everything
 * up to a workshop label or the end. `tail` is what follows it.
 */
function titleAndTail(s: string): { title: string; tail: string; quoted: boolean } | null {
  const t = s.trim();
  if (t === '') return null;
  if (OPEN_QUOTE.test(t)) {
    const close = CLOSE_QUOTE[t[0]!]!;
    const end = t.indexOf(close, 1);
    if (end < 0) return null;
    const title = t
      .slice(1, end)
      .replace(/[,，.。]$/, '')
      .trim();
    return title ? { title, tail: t.slice(end + 1), quoted: true } : null;
  }
  const workshop = /(?:[,;，；]\s*|\s+)(?:and\s+|together with\s+|以及|和|及|与)?\s*(?:workshop \d+|讲习班\s*(?:\d+|[一二三四五六七八九十]+))/i.exec(t);
  const title = (workshop ? t.slice(0, workshop.index) : t).replace(/[\s,;.，；。]+$/, '').trim();
  return title ? { title, tail: workshop ? t.slice(workshop.index) : '', quoted: false } : null;
}
