import { h } from '../util/dom.ts';
import type { Corpus } from './corpus.ts';

/**
 * The mark of a report beside an item: its meeting's tag on the meeting's colour
 * (`LAC-15`), with the language when the meeting has reports in several (`WA-15 en`) unless
 * `language: false` (a row that stands for the meeting itself).
 * The full meeting name is its tooltip.
 */
export function tagChip(corpus: Corpus, report: string | null | undefined, lang: 'zh' | 'en', options: { language?: boolean } = {}): HTMLElement {
  const r = corpus.report(report);
  const language = options.language !== false && corpus.multilingual(report) ? corpus.language(report) : null;
  const el = h(
    'span',
    {
      class: 'tag-chip',
      'data-report': report ?? '',
      title: r ? `${(lang === 'en' ? r.meeting.name_en : r.meeting.name_zh) ?? r.id}${r.language ? ` (${r.language})` : ''}` : (report ?? ''),
    },
    corpus.tag(report),
    language ? ' ' : null,
    language ? h('span', { class: 'tag-lang' }, language) : null,
  );
  el.style.setProperty('--tag', corpus.colour(report));
  return el;
}
