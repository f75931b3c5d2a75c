/**
 * The CSV files of a bulk import (`neo4j-admin database import full`, Neo4j 5.26
 * Operations Manual, "Import" → "CSV header format"): what the loader would write
 * into an empty database, as node and relationship files with typed headers.
 *
 * The reports' plans are folded exactly as a load of them folds them
 * (transaction.ts foldPlans, contributions.ts dbPropertiesOf: one home for the
 * merge rules), so every node and relationship carries the same properties,
 * bookkeeping included (`_reports`, `_contrib`): a later `npm run load` reload or
 * `--remove` works on the imported database as on a loaded one.
 *
 * Files are grouped by label (or relationship type) and by the set of property
 * names and types their rows carry, so that every row of a file fills every
 * column: an empty field never has to stand for a missing property, and a
 * property that is a whole number in one node and a float in another keeps each
 * type. Pure: returns the files' text; bulk.ts writes and imports them.
 */
import neo4j from 'neo4j-driver';
import { stringify } from 'csv-stringify/sync';
import type { LoadPlan } from './plan.ts';
import { foldPlans } from './transaction.ts';
import { dbPropertiesOf, NO_CONTRIBUTIONS, REPORTS_KEY } from './contributions.ts';
import { folded } from './writers.ts';
import { toDbProperties, type DbProperties, type DbValue } from './properties.ts';

/**
 * Between the elements of a list in a field (`--array-delimiter`): the
 * information separator one (U+001F), which no report's text holds; a string
 * that does is refused (BulkInputError) rather than split.
 */
export const ARRAY_DELIMITER = '\u001f';
/** How neo4j-admin is told the delimiter. */
export const ARRAY_DELIMITER_OPTION = 'U+001F';

/** A value the CSV format cannot carry as the loader would store it. */
export class BulkInputError extends Error {}

export interface BulkCsvFile {
  /** A file name (no directory): nodes-<n>-<Label>.csv or relationships-<n>-<TYPE>.csv. */
  name: string;
  kind: 'nodes' | 'relationships';
  /** The file's text: header line, then one line (or quoted multi-line field) per row. */
  text: string;
  rows: number;
}

/**
 * A CSV field cannot hold an empty list (neo4j-admin stores no property for it):
 * a node or relationship with one carries this property instead, naming the
 * properties to set to [] once the database runs (bulk.ts); then it is removed.
 */
export const EMPTY_LISTS_KEY = '_bulk_empty_lists';

export interface BulkCsv {
  files: BulkCsvFile[];
  /** The property names some node or relationship holds as an empty list (see EMPTY_LISTS_KEY). */
  emptyLists: string[];
  nodes: number;
  relationships: number;
}

type CsvType = 'string' | 'long' | 'double' | 'boolean';

function scalarType(v: unknown): CsvType {
  if (neo4j.isInt(v)) return 'long';
  if (typeof v === 'number') return 'double';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}

/** The header type of a value: `long`, `string[]`, … (never an empty list: see EMPTY_LISTS_KEY). */
function csvType(v: DbValue): string {
  if (Array.isArray(v)) return `${scalarType(v[0])}[]`;
  return scalarType(v);
}

function field(v: DbValue, where: string): string {
  const one = (x: unknown): string => {
    const s = neo4j.isInt(x) ? x.toString() : String(x);
    if (Array.isArray(v) && s.includes(ARRAY_DELIMITER))
      throw new BulkInputError(`${where}: a list element holds U+001F, the bulk import's list delimiter; load it with npm run load instead`);
    return s;
  };
  return Array.isArray(v) ? (v as unknown[]).map(one).join(ARRAY_DELIMITER) : one(v);
}

interface Group {
  kind: 'nodes' | 'relationships';
  what: string;
  columns: Array<[name: string, type: string]>;
  rows: string[][];
}

/**
 * The files for `plans` (already checked by planLoad, in load order) imported
 * into an empty database. Throws BulkInputError for a list element holding the
 * array delimiter.
 */
export function bulkCsv(plans: readonly LoadPlan[]): BulkCsv {
  const { nodes, ownRels, sharedRels } = foldPlans(plans);
  const groups = new Map<string, Group>();
  const emptyLists = new Set<string>();
  const add = (kind: Group['kind'], what: string, fixed: string[], all: DbProperties, where: string): void => {
    const props: DbProperties = {};
    const empty: string[] = [];
    for (const [k, v] of Object.entries(all)) {
      if (Array.isArray(v) && v.length === 0) empty.push(k);
      else props[k] = v;
    }
    if (empty.length > 0) {
      props[EMPTY_LISTS_KEY] = empty;
      for (const k of empty) emptyLists.add(k);
    }
    const columns = Object.keys(props)
      .sort()
      .map((k): [string, string] => [k, csvType(props[k]!)]);
    const key = `${kind}\n${what}\n${columns.map((c) => c.join(':')).join(',')}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind, what, columns, rows: [] }));
    group.rows.push([...fixed, ...columns.map(([k]) => field(props[k]!, `${where}, property ${k}`))]);
  };
  for (const n of nodes) {
    const { id: _id, ...props } = dbPropertiesOf('node', folded(NO_CONTRIBUTIONS, n));
    add('nodes', n.labels.join(':'), [n.id, n.labels.join(ARRAY_DELIMITER)], props, `node ${n.id}`);
  }
  for (const r of ownRels) {
    add('relationships', r.type, [r.start, r.end, r.type], { ...toDbProperties(r.properties), [REPORTS_KEY]: [r.report] }, `${r.type} ${r.start} → ${r.end}`);
  }
  for (const r of sharedRels) {
    add('relationships', r.type, [r.start, r.end, r.type], dbPropertiesOf(r.type, folded(NO_CONTRIBUTIONS, r)), `${r.type} ${r.start} → ${r.end}`);
  }
  const files: BulkCsvFile[] = [];
  for (const g of groups.values()) {
    const fixed = g.kind === 'nodes' ? ['id:ID', ':LABEL'] : [':START_ID', ':END_ID', ':TYPE'];
    const header = [...fixed, ...g.columns.map(([k, t]) => `${k}:${t}`)];
    // Every string quoted: an empty string stays one (neo4j-admin reads an unquoted empty field as no value).
    const text = stringify([header, ...g.rows], { quoted_string: true, quoted_empty: true, record_delimiter: '\n' });
    files.push({ name: `${g.kind}-${files.length + 1}-${g.what.replace(/[^A-Za-z_]/g, '_')}.csv`, kind: g.kind, text, rows: g.rows.length });
  }
  return { files, emptyLists: [...emptyLists].sort(), nodes: nodes.length, relationships: ownRels.length + sharedRels.length };
}
