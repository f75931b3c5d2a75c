/** Reading fixtures through the one door, and comparing the graphs two formats of one report give. */
import { readFileSync } from 'node:fs';
import type { GraphJson, GraphNode } from '../../server/contract/model.ts';
import { DocumentError, ReportFormatError } from '../../server/ingest/errors.ts';
import { ingestDocument, type DocumentIngestResult } from '../../server/ingest/ingestDocument.ts';
import type { Gazetteer } from '../../server/ingest/gazetteer/types.ts';
import { repoPath } from './reports.ts';

export const fixture = (p: string): Uint8Array => new Uint8Array(readFileSync(repoPath(`tests/fixtures/${p}`)));

export function ingestFixture(p: string, gazetteer: Gazetteer): Promise<DocumentIngestResult> {
  return ingestDocument(fixture(p), { source: p.split('/').pop()!, gazetteer });
}

/**
 * The error ingesting `bytes` (a file named `source`) ends in: a DocumentError or a
 * ReportFormatError; any other error is thrown on, and a file read as a report is a failure.
 */
export async function documentRefusal(gazetteer: Gazetteer, bytes: Uint8Array, source: string): Promise<Error> {
  try {
    await ingestDocument(bytes, { source, gazetteer });
  } catch (error) {
    if (error instanceof DocumentError || error instanceof ReportFormatError) return error;
    throw error;
  }
  throw new Error(`${source} was read as a report`);
}

/**
 * Properties that name where in its file a fact stands, which differ from format to format
 * (docs/MODEL.md); and the Report's `symbol`, which only a file that keeps its masthead gives.
 */
const POSITION = new Set(['line', 'page', 'source', 'symbol']);

const HAN_OR_CJK = String.raw`[\u2E80-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF“”《》]`;
const LAYOUT_SPACE = new RegExp(String.raw`\s+(?=${HAN_OR_CJK})|(?<=${HAN_OR_CJK})\s+`, 'gu');

export interface CompareOptions {
  /**
   * Ignore whitespace next to Chinese characters: a PDF does not say whether a line that
   * wrapped between a Han character and a digit had a space there, nor which spaces of a
   * line it stretched were written (docs/MODEL.md). Spans are compared by the words they cover.
   */
  layoutWhitespace?: boolean;
}

/**
 * A graph as a map of comparable entries: every node and relationship with all its properties
 * but the positional ones; spans as the words they cover in their node's text.
 */
export function comparable(graph: GraphJson, options: CompareOptions = {}): Map<string, unknown> {
  const squeeze = (v: unknown) => (options.layoutWhitespace && typeof v === 'string' ? v.replace(LAYOUT_SPACE, '') : v);
  const texts = new Map(graph.nodes.map((n) => [n.id, typeof n.properties.text === 'string' ? n.properties.text : '']));
  const out = new Map<string, unknown>();
  for (const n of graph.nodes) {
    const props = Object.fromEntries(
      Object.entries(n.properties)
        .filter(([k]) => !POSITION.has(k))
        .map(([k, v]) => [k, Array.isArray(v) ? v.map(squeeze) : squeeze(v)]),
    );
    out.set(`node ${n.id}`, { labels: n.labels, ...props });
  }
  for (const r of graph.relationships) {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.properties)) {
      if (POSITION.has(k)) continue;
      if (k === 'spans' && Array.isArray(v)) {
        const text = texts.get(r.start) ?? '';
        const covered: unknown[] = [];
        for (let i = 0; i + 1 < v.length; i += 2) covered.push(squeeze(text.slice(Number(v[i]), Number(v[i + 1]))));
        props.spans = covered;
      } else props[k] = Array.isArray(v) ? v.map(squeeze) : squeeze(v);
    }
    out.set(`${r.type} ${r.start} → ${r.end} ${JSON.stringify([r.properties.paragraph ?? null, r.properties.role ?? null, r.properties.kind ?? null])}`, props);
  }
  return out;
}

/** What differs between two graphs, as lines a reader can follow (empty: the same graph). */
export function graphDifferences(a: GraphJson, b: GraphJson, options: CompareOptions = {}): string[] {
  const A = comparable(a, options);
  const B = comparable(b, options);
  const out: string[] = [];
  for (const [k, v] of A) {
    if (!B.has(k)) out.push(`only in the first: ${k}`);
    else if (JSON.stringify(v) !== JSON.stringify(B.get(k)))
      out.push(`differs: ${k}: ${JSON.stringify(v).slice(0, 300)} ≠ ${JSON.stringify(B.get(k)).slice(0, 300)}`);
  }
  for (const k of B.keys()) if (!A.has(k)) out.push(`only in the second: ${k}`);
  return out;
}

/** Every span of every relationship points at its evidence words in the node's text (provenance true). */
export function provenanceProblems(graph: GraphJson): string[] {
  const texts = new Map(graph.nodes.map((n) => [n.id, typeof n.properties.text === 'string' ? n.properties.text : null]));
  const out: string[] = [];
  for (const r of graph.relationships) {
    const spans = r.properties.spans;
    const text = texts.get(r.start);
    if (!Array.isArray(spans) || typeof text !== 'string') continue;
    const evidence = r.properties.evidence;
    for (let i = 0; i + 1 < spans.length; i += 2) {
      const words = text.slice(Number(spans[i]), Number(spans[i + 1]));
      if (words === '' || (r.type !== 'MENTIONS' && typeof evidence === 'string' && i === 0 && words !== evidence))
        out.push(`${r.type} ${r.start} → ${r.end}: span ${spans[i]}–${spans[i + 1]} is "${words}", evidence "${String(evidence)}"`);
    }
  }
  return out;
}

/**
 * Lines wrapped at `width` characters as a PDF wraps them (tabbed lines, contents and annex,
 * left whole): Latin text at a space; Chinese anywhere but inside a run of Latin letters,
 * digits and symbols, which line breaking keeps together (Unicode Standard Annex #14).
 */
export function wrap(text: string, width: number, latin: boolean): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.includes('\t') || line.length <= width) return [line];
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        let cut = latin ? rest.lastIndexOf(' ', width) : width;
        const joined = /[\p{Script=Latin}\p{N}./#()[\]-]/u;
        if (!latin) while (cut > 1 && joined.test(rest[cut - 1]!) && joined.test(rest[cut]!)) cut--;
        if (cut <= 1) cut = width;
        out.push(rest.slice(0, cut));
        rest = latin ? rest.slice(cut + 1) : rest.slice(cut);
      }
      return [...out, rest];
    })
    .join('\n');
}

/** The nodes that carry footnotes. */
export const notedNodes = (graph: GraphJson): GraphNode[] => graph.nodes.filter((n) => n.properties.footnotes !== undefined);

/** Each noted node as "id: note @ the 12 characters before its mark". */
export function footnotePlacements(graph: GraphJson, squeeze = false): string[] {
  return notedNodes(graph).flatMap((n) => {
    const notes = n.properties.footnotes as string[];
    const at = (n.properties.footnoteAt as number[] | undefined) ?? [];
    const text = typeof n.properties.text === 'string' ? n.properties.text : '';
    return notes.map((note, k) => {
      const before = at[k] === undefined ? '' : text.slice(0, at[k]);
      const tidy = squeeze ? before.replace(/\s+/g, '') : before;
      return `${n.id}: ${note} @ ${tidy.slice(-12)}`;
    });
  });
}
