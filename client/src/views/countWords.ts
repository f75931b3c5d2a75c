import type { MessageKey } from '../i18n/i18n.ts';
import type { CitationCounts } from './citationModel.ts';

/**
 * An instrument's citation count in words, the same everywhere it appears: "1 direct · 1 via
 * COP resolution 12/4" (citationCounts says which is which).
 */
export function countWords(
  counts: CitationCounts,
  nameOf: (id: string) => string,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
): string {
  return [t('citationsCountDirect', { n: counts.direct }), ...counts.via.map((v) => t('citationsCountVia', { n: v.count, name: nameOf(v.instrument) }))].join(
    ' · ',
  );
}
