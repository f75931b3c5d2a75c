/**
 * The report's own structure as nodes: Report, Meeting, Theme/AgendaItem/Workshop,
 * Paragraph and Recommendation, with IN_REPORT, REPORT_OF, PART_OF and UNDER.
 */
import type { GraphNode } from '../../contract/model.ts';
import type { FootnoteMark, ReportStructure } from '../parse/types.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { rel } from './graphBuilder.ts';
import { ids } from './ids.ts';
import type { ReportNames } from './translate.ts';

export interface BlockNodes {
  /** AgendaItem or Theme node id. */
  main: string;
  workshop: string | null;
}

/**
 * The short tag a user reads beside every item of a meeting: region code and Congress
 * number, e.g. `LAC-15` (region codes from data/gazetteer/regions.json). A region the
 * gazetteer does not know falls back to the first word of the report key, upper-cased
 * (`report:xyz-rpm-2025` → `XYZ-15`), so the tag is never empty.
 */
export function reportTag(regionCode: string | null, key: string, congress: number): string {
  return `${tagRegionCode(regionCode, key)}-${congress}`;
}

/** The region code of a report's tag: the gazetteer's, else the first word of the report key, upper-cased. */
export function tagRegionCode(regionCode: string | null, key: string): string {
  return regionCode ?? (key.split(/[-_.:]/)[0] ?? key).toUpperCase();
}

/**
 * `footnotes`: the document's footnotes as printed, marker first; each goes on the Paragraph or
 * Recommendation whose text holds its mark (`footnotes`, and `footnoteAt`: the offset in
 * `text` where the mark stood), the rest (marks in the title or a heading, marks not found)
 * on the Report.
 */
export function addStructure(
  s: ReportStructure,
  key: string,
  names: ReportNames,
  source: string | null,
  graph: GraphBuilder,
  footnotes: readonly string[] = [],
): { blocks: BlockNodes[]; warnings: string[] } {
  const warnings: string[] = [];
  const reportId = ids.report(key);
  const placed = new Set([...s.paragraphs, ...s.recommendations].flatMap((u) => u.footnotes.map((m) => m.footnote)));
  const unplaced = footnotes.filter((_, i) => !placed.has(i));
  const notesOf = (marks: readonly FootnoteMark[]): GraphNode['properties'] =>
    marks.length === 0 ? {} : { footnotes: marks.map((m) => footnotes[m.footnote] ?? ''), footnoteAt: marks.map((m) => m.at) };
  const meetingId = ids.meeting(key);
  const venue = { zh: names.venue?.name_zh ?? null, en: names.venue?.name_en ?? null };
  venue[s.language] = s.meeting.venue;
  const tag = reportTag(names.region?.code ?? null, key, s.congress.number);
  const regionCode = tagRegionCode(names.region?.code ?? null, key);

  graph.addNode({
    id: reportId,
    labels: ['Report'],
    properties: {
      title_zh: names.title.zh,
      title_en: names.title.en,
      language: s.language,
      region: names.region?.name_en ?? s.meeting.region,
      region_zh: names.region?.name_zh ?? null,
      venue: s.meeting.venue,
      startDate: s.meeting.startDate,
      endDate: s.meeting.endDate,
      congress: s.congress.number,
      tag,
      region_code: regionCode,
      source,
      ...(unplaced.length > 0 ? { footnotes: unplaced } : {}),
    },
  });
  graph.addNode({
    id: meetingId,
    labels: ['Meeting'],
    properties: {
      name: s.meeting.name,
      name_zh: names.meetingName.zh,
      name_en: names.meetingName.en,
      venue: s.meeting.venue,
      venue_zh: venue.zh,
      venue_en: venue.en,
      region: names.region?.name_en ?? s.meeting.region,
      startDate: s.meeting.startDate,
      endDate: s.meeting.endDate,
      congress: s.congress.number,
      tag,
      region_code: regionCode,
      agenda: s.agenda ? s.agenda.items.map((i) => `${i.number}. ${i.text}`) : [],
    },
  });
  graph.addRelationship(rel('REPORT_OF', reportId, meetingId, { report: reportId }));

  const c = s.congress.number;
  const blocks: BlockNodes[] = s.blocks.map((b) => {
    if (b.kind === 'theme') {
      const titles = { zh: names.congress?.theme.title_zh ?? null, en: names.congress?.theme.title_en ?? null };
      if (!names.congress) titles[s.language] = b.title;
      graph.addNode(titledNode(ids.theme(c), 'Theme', null, titles, c, s.language));
      return { main: ids.theme(c), workshop: null };
    }
    const item = b.agendaItem!;
    const known = names.congress?.agendaItems.find((a) => a.number === item.number);
    if (!known) warnings.push(`agenda item ${item.number} of Congress ${c} is not in data/gazetteer/congresses.json`);
    const itemTitles = { zh: known?.title_zh ?? null, en: known?.title_en ?? null };
    if (!known) itemTitles[s.language] = item.title;
    graph.addNode(titledNode(ids.agendaItem(c, item.number), 'AgendaItem', item.number, itemTitles, c, s.language));
    let workshop: string | null = null;
    if (b.workshop) {
      const w = b.workshop;
      const knownW = names.congress?.workshops.find((x) => x.number === w.number);
      if (!knownW) warnings.push(`workshop ${w.number} of Congress ${c} is not in data/gazetteer/congresses.json`);
      const wTitles = { zh: knownW?.title_zh ?? null, en: knownW?.title_en ?? null };
      if (!knownW) wTitles[s.language] = w.title;
      workshop = ids.workshop(c, w.number);
      graph.addNode(titledNode(workshop, 'Workshop', w.number, wTitles, c, s.language));
    }
    return { main: ids.agendaItem(c, item.number), workshop };
  });

  for (const p of s.paragraphs) {
    const id = ids.paragraph(key, p.number);
    graph.addNode({
      id,
      labels: ['Paragraph'],
      properties: { report: reportId, number: p.number, text: p.text, section: p.section, subheading: p.subheading, line: p.line, ...notesOf(p.footnotes) },
    });
    graph.addRelationship(rel('IN_REPORT', id, reportId));
    if (p.block !== null) {
      const b = blocks[p.block]!;
      graph.addRelationship(rel('PART_OF', id, b.main, { report: reportId }));
      if (b.workshop) graph.addRelationship(rel('PART_OF', id, b.workshop, { report: reportId }));
    }
  }
  for (const r of s.recommendations) {
    const id = ids.recommendation(key, r.paragraph, r.letter);
    graph.addNode({
      id,
      labels: ['Recommendation'],
      properties: { report: reportId, paragraph: r.paragraph, letter: r.letter, text: r.text, line: r.line, ...notesOf(r.footnotes) },
    });
    graph.addRelationship(rel('IN_REPORT', id, reportId));
    if (r.block === null) {
      warnings.push(`line ${r.line}: recommendation ${r.paragraph}(${r.letter}) sits outside any discussion block`);
      continue;
    }
    const b = blocks[r.block]!;
    graph.addRelationship(rel('UNDER', id, b.main, { report: reportId }));
    if (b.workshop) graph.addRelationship(rel('UNDER', id, b.workshop, { report: reportId }));
  }
  return { blocks, warnings };
}

function titledNode(
  id: string,
  label: 'Theme' | 'AgendaItem' | 'Workshop',
  number: number | null,
  titles: { zh: string | null; en: string | null },
  congress: number,
  lang: 'zh' | 'en',
): GraphNode {
  const properties: GraphNode['properties'] = { title_zh: titles.zh, title_en: titles.en, congress, name: titles[lang] ?? titles.zh ?? titles.en };
  if (number !== null) properties.number = number;
  return { id, labels: [label], properties };
}
