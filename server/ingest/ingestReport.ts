/**
 * The entry point of ingest: one report's text → graph.json per MODEL.md, plus
 * the warnings a reader should see (names not placed, letters out of order).
 * Pure: the gazetteer comes in as data (see gazetteer/load.ts for the I/O).
 */
import type { GraphJson } from '../contract/model.ts';
import { buildSurfaceForms } from './gazetteer/surfaceForms.ts';
import type { Gazetteer } from './gazetteer/types.ts';
import { buildMatcher, type SurfaceForm } from './match/matcher.ts';
import { addCoOccurrences } from './extract/cooccurs.ts';
import { addDocuments } from './extract/documents.ts';
import { entityNodeFactory } from './extract/entityNodes.ts';
import { createGraphBuilder } from './extract/graphBuilder.ts';
import { ids, reportIdFromSource, reportKey } from './extract/ids.ts';
import { addLinks } from './extract/links.ts';
import { addMentions, matchUnit } from './extract/mentions.ts';
import { addParticipation, addPeople } from './extract/participants.ts';
import { personSurfaceForms, resolvePeople } from './extract/people.ts';
import { meetingSymbol, withMeetingSymbol } from './extract/meetingSymbol.ts';
import { addStructure } from './extract/structure.ts';
import { addSupplements, supplementedClosure } from './extract/supplements.ts';
import { reportNames } from './extract/translate.ts';
import { textUnits } from './extract/units.ts';
import { lexiconFor } from './parse/lexicon.ts';
import { parseReport } from './parse/parseReport.ts';

export interface IngestOptions {
  /** Where the text came from (a file name); names errors and, absent reportId, the report. */
  source?: string;
  reportId?: string;
  gazetteer: Gazetteer;
}

export interface IngestResult {
  graph: GraphJson;
  warnings: string[];
}

// Building the surface forms of ~300 entries is cheap but not free; reports sharing a gazetteer share them.
const formsCache = new WeakMap<Gazetteer, SurfaceForm[]>();

function gazetteerForms(g: Gazetteer): SurfaceForm[] {
  let forms = formsCache.get(g);
  if (!forms) {
    forms = buildSurfaceForms(g);
    formsCache.set(g, forms);
  }
  return forms;
}

export function ingestReport(text: string, opts: IngestOptions): IngestResult {
  const structure = parseReport(text, opts.source);
  const reportId = opts.reportId ?? (opts.source ? reportIdFromSource(opts.source) : `report:${structure.meeting.startDate}`);
  const key = reportKey(reportId);
  const g = opts.gazetteer;
  const lex = lexiconFor(structure.language);
  const graph = createGraphBuilder();
  const warnings = structure.warnings.map((w) => `${opts.source ?? 'report'}: ${w}`);

  const names = reportNames(structure, g);
  const structural = addStructure(structure, key, names, opts.source ?? null, graph);

  const baseMatcher = buildMatcher(gazetteerForms(g));
  const { people, roles } = resolvePeople(structure, baseMatcher);
  const matcher = buildMatcher([...gazetteerForms(g), ...personSurfaceForms(people)]);

  const units = textUnits(structure, key).map((u) => matchUnit(u, matcher));
  const participation = addParticipation(structure, lex, structural.blocks, matcher, key, graph);
  const affiliations = addPeople(people, roles, key, graph);

  const entityIds = new Set<string>([...participation.entities, ...affiliations]);
  for (const u of units) for (const m of u.matches) if (m.target.label !== 'Document' && m.target.label !== 'Person') entityIds.add(m.target.id);
  const instruments = supplementedClosure(
    [...entityIds].filter((id) => id.startsWith('instrument:')),
    g.instruments,
  );
  for (const id of instruments) entityIds.add(id);
  const nodeFor = entityNodeFactory(g, structure.language);
  for (const id of entityIds) {
    const node = nodeFor(id);
    if (node) graph.addNode(node);
  }
  const mentionedDocuments = units.flatMap((u) => u.matches.filter((m) => m.target.label === 'Document').map((m) => m.target.id));
  addDocuments(structure, mentionedDocuments, reportId, graph);

  addMentions(units, reportId, graph);
  addSupplements(instruments, g.instruments, graph);
  addCoOccurrences(units, reportId, graph);
  addLinks(units, structure.language, reportId, graph);

  const symbol = meetingSymbol(structure, text);
  if (!symbol.series) warnings.push(`${opts.source ?? 'report'}: the meeting's document symbol could not be told (no masthead symbol, no series of the meeting's own documents in the annex or the text): its reports in other languages will not be recognised as the same meeting`);
  warnings.push(...[...names.warnings, ...structural.warnings, ...participation.warnings].map((w) => `${opts.source ?? 'report'}: ${w}`));
  return { graph: withMeetingSymbol(graph.build([ids.report(key)]), key, symbol), warnings };
}
