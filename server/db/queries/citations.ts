/** The recommendation × instrument citation table (CITES), with the recommendations' text and each one's report (id, tag, language). */
import type { Driver } from 'neo4j-driver';
import { readQuery, type ReadOptions } from './run.ts';
import { unitInScope, WHOLE_CORPUS, type Scope } from './scope.ts';
import { scalarToJson } from './values.ts';
import type { CitationRowJson } from '../../contract/api.ts';

export const CITATION_COLUMNS: readonly (keyof CitationRowJson)[] = [
  'recommendation',
  'label',
  'tag',
  'report',
  'language',
  'paragraph',
  'letter',
  'instrument',
  'instrument_name',
  'instrument_name_zh',
  'instrument_name_en',
  'instrument_short_en',
  'evidence',
  'text',
];

export interface CitationOptions extends ReadOptions {
  instrument?: string | undefined;
  /** Only recommendations of the reports in scope (default: the whole corpus). */
  scope?: Scope;
}

const RETURN = `OPTIONAL MATCH (rep:Report {id: r.report})
RETURN r.id AS recommendation, rep.tag AS tag, r.report AS report, rep.language AS language, r.paragraph AS paragraph, r.letter AS letter, r.text AS text,
       i.id AS instrument, i.name AS instrument_name, i.name_zh AS instrument_name_zh, i.name_en AS instrument_name_en,
       i.short_en AS instrument_short_en, c.evidence AS evidence
ORDER BY instrument, tag, report, paragraph, letter`;

/** The rows, or undefined when `instrument` names no Instrument. */
export async function citations(driver: Driver, options: CitationOptions = {}): Promise<CitationRowJson[] | undefined> {
  const params = { instrument: options.instrument ?? null, reports: (options.scope ?? WHOLE_CORPUS).reports };
  if (options.instrument !== undefined) {
    const exists = await readQuery(driver, 'MATCH (i:Instrument {id: $instrument}) RETURN count(i) AS n', params, options);
    if (Number(exists.records[0]?.get('n') ?? 0) === 0) return undefined;
  }
  const match =
    options.instrument !== undefined
      ? 'MATCH (i:Instrument {id: $instrument})<-[c:CITES]-(r:Recommendation)'
      : 'MATCH (r:Recommendation)-[c:CITES]->(i:Instrument)';
  const result = await readQuery(driver, `${match} WHERE ${unitInScope('r')} ${RETURN}`, params, options);
  return result.records.map((record) => {
    const row = Object.fromEntries(record.keys.map((k) => [k, scalarToJson(record.get(k))])) as unknown as CitationRowJson;
    row.label = row.paragraph !== null && row.letter !== null ? `${row.paragraph}(${row.letter})` : row.recommendation;
    row.text = row.text ?? '';
    return row;
  });
}
