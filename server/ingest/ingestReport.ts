/**
 * The entry point of ingest: one report's text → graph.json per MODEL.md, plus
 * the warnings a reader should see (names not placed, letters out of order).
 * Pure: the gazetteer comes in as data (see gazetteer/load.ts for the I/O).
 */
import type { GraphJson } from '../contract/model.ts';
import { buildSurfaceForms } from './gazetteer/surfaceForms.ts';
import type { Gazetteer } from './gazetteer/types.ts';
import { buildMatcher, type Matcher, type SurfaceForm } from './match/matcher.ts';
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
import { addSupplements, broaderClosure, supplementedClosure } from './extract/supplements.ts';
import { reportNames } from './extract/translate.ts';
import { textUnits } from './extract/units.ts';
import { unreviewedNode, type UnreviewedEntity } from './extract/unreviewed.ts';
import { buildVocabulary } from './extract/vocabulary.ts';
import { coordinatedCrimes } from './extract/crimeForms.ts';
import { crimeObjects, type CrimeObjects } from './gazetteer/crimeObjects.ts';
import { lexiconFor } from './parse/lexicon.ts';
import { parseReport } from './parse/parseReport.ts';
import type { FootnoteMark } from './parse/types.ts';

export interface IngestOptions {
  /** Where the text came from (a file name); names errors and, absent reportId, the report. */
  source?: string;
  reportId?: string;
  gazetteer: Gazetteer;
  /** The number each line of the text carries (the source's line, after layout recovery); default 1, 2, 3, … */
  lineNumbers?: readonly number[];
  /** The document's text as extracted, before layout recovery took its masthead out (where the report's own symbol stands). */
  extracted?: string;
  /** The document's footnotes as printed, marker first ("1 See A/CONF.234/16, para. 3."); `lineMarks` index them. */
  footnotes?: readonly string[];
  /** Where footnotes' marks stood in each line of the text (offsets into the line; layout recovery took them out). */
  lineMarks?: readonly (readonly FootnoteMark[])[];
}

export interface IngestResult {
  graph: GraphJson;
  warnings: string[];
  /** Entities the text names that the gazetteer lacks, kept as nodes with `reviewed: false` (docs/GAZETTEER.md says how to review them). */
  unreviewed: UnreviewedEntity[];
}

// The gazetteer's matcher and crime objects are built once per gazetteer; reports sharing it share them.
const gazetteerCache = new WeakMap<Gazetteer, { forms: SurfaceForm[]; matcher: Matcher; objects: CrimeObjects; ids: Set<string> }>();

function fromGazetteer(g: Gazetteer): { forms: SurfaceForm[]; matcher: Matcher; objects: CrimeObjects; ids: Set<string> } {
  let cached = gazetteerCache.get(g);
  if (!cached) {
    const forms = buildSurfaceForms(g);
    const ids = new Set(forms.flatMap((f) => (f.target ? [f.target.id] : [])));
    cached = { forms, matcher: buildMatcher(forms), objects: crimeObjects(g.crimeTypes), ids };
    gazetteerCache.set(g, cached);
  }
  return cached;
}

export function ingestReport(text: string, opts: IngestOptions): IngestResult {
  const structure = parseReport(text, opts.source, opts.lineNumbers, opts.lineMarks);
  const reportId = opts.reportId ?? (opts.source ? reportIdFromSource(opts.source) : `report:${structure.meeting.startDate}`);
  const key = reportKey(reportId);
  const g = opts.gazetteer;
  const lex = lexiconFor(structure.language);
  const graph = createGraphBuilder();
  const warnings = structure.warnings.map((w) => `${opts.source ?? 'report'}: ${w}`);

  const names = reportNames(structure, g);
  const structural = addStructure(structure, key, names, opts.source ?? null, graph, opts.footnotes ?? []);

  const known = fromGazetteer(g);
  const { people, roles } = resolvePeople(structure, known.matcher);
  const withPeople = buildMatcher(personSurfaceForms(people), known.matcher);
  const texts = textUnits(structure, key);
  // What the report names that the gazetteer lacks, and the short forms it defines, before any fact is drawn.
  const vocabulary = buildVocabulary(structure, texts, withPeople, known.ids);
  const matcher = buildMatcher(vocabulary.forms, withPeople);
  const objects = known.objects;

  const units = texts.map((u) => matchUnit(u, matcher, (text, found) => coordinatedCrimes(text, found, objects, structure.language)));
  const participation = addParticipation(structure, lex, structural.blocks, matcher, key, graph);
  const affiliations = addPeople(people, roles, key, graph);

  const entityIds = new Set<string>([...participation.entities, ...affiliations]);
  for (const u of units) for (const m of u.matches) if (m.target.label !== 'Document' && m.target.label !== 'Person') entityIds.add(m.target.id);
  const instruments = supplementedClosure(
    [...entityIds].filter((id) => id.startsWith('instrument:')),
    g.instruments,
  );
  for (const id of instruments) entityIds.add(id);
  for (const id of broaderClosure(
    [...entityIds].filter((id) => id.startsWith('crime:')),
    g.crimeTypes,
  ))
    entityIds.add(id);
  const nodeFor = entityNodeFactory(g, structure.language);
  const unreviewed = new Map(vocabulary.entities.map((e) => [e.id, e]));
  for (const id of entityIds) {
    const entity = unreviewed.get(id);
    const node = entity ? unreviewedNode(entity, structure.language) : nodeFor(id);
    if (!node) continue;
    const learned = vocabulary.aliases.get(id);
    if (learned) node.properties.aliases = [...new Set([...(node.properties.aliases as string[]), ...learned])];
    graph.addNode(node);
  }
  const mentionedDocuments = units.flatMap((u) => u.matches.filter((m) => m.target.label === 'Document').map((m) => m.target.id));
  addDocuments(structure, mentionedDocuments, reportId, graph);

  addMentions(units, reportId, graph);
  addSupplements(instruments, g.instruments, graph);
  addCoOccurrences(units, reportId, graph);
  addLinks(units, structure.language, reportId, graph);

  const symbol = meetingSymbol(structure, text, opts.extracted);
  if (!symbol.series)
    warnings.push(
      `${opts.source ?? 'report'}: the meeting's document symbol could not be told (no masthead symbol, no series of the meeting's own documents in the annex or the text): its reports in other languages will not be recognised as the same meeting`,
    );
  warnings.push(
    ...[...names.warnings, ...structural.warnings, ...participation.warnings, ...vocabulary.warnings].map((w) => `${opts.source ?? 'report'}: ${w}`),
  );
  const built = withMeetingSymbol(graph.build([ids.report(key)]), key, symbol);
  const unreviewedEntities = vocabulary.entities.filter((e) => built.nodes.some((n) => n.id === e.id));
  return { graph: built, warnings, unreviewed: unreviewedEntities };
}
