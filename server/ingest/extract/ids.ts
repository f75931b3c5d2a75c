/** Node ids, as MODEL.md spells them. */

export function reportKey(reportId: string): string {
  return reportId.replace(/^report:/, '');
}

export const ids = {
  report: (key: string) => `report:${key}`,
  meeting: (key: string) => `meeting:${key}`,
  paragraph: (key: string, n: number) => `para:${key}:${n}`,
  recommendation: (key: string, n: number, letter: string) => `rec:${key}:${n}(${letter})`,
  theme: (congress: number) => `theme:${congress}`,
  agendaItem: (congress: number, n: number) => `agenda:${congress}:${n}`,
  workshop: (congress: number, n: number) => `workshop:${congress}:${n}`,
  document: (symbol: string) => `doc:${symbol}`,
  person: (name: string) => `person:${slug(name)}`,
};

/** "Douglas Durán" → "douglas-duran". */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The extensions of the documents a report comes in (server/ingest/document/): not part of its id. */
const DOCUMENT_EXTENSION = /\.(?:txt|text|pdf|docx)$/i;

/** "report:lac-rpm-2025" from "data/reports/lac-rpm-2025.zh.txt" (or .pdf, .docx): the file's name without language and extension. */
export function reportIdFromSource(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source;
  const key = base.replace(DOCUMENT_EXTENSION, '').replace(/\.(zh|en|fr|es|ru|ar)$/i, '');
  return `report:${slug(key)}`;
}

/**
 * The same meeting's report in two languages derives one id from its file name;
 * when that id is taken, the language (or a counter) tells them apart.
 */
export function uniqueReportId(source: string, taken: ReadonlySet<string>): string {
  const id = reportIdFromSource(source);
  if (!taken.has(id)) return id;
  const lang = /\.(zh|en|fr|es|ru|ar)\.(?:txt|text|pdf|docx)$/i.exec(source)?.[1]?.toLowerCase();
  if (lang && !taken.has(`${id}-${lang}`)) return `${id}-${lang}`;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}
