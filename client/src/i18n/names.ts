import type { NodeLabel } from '../../../server/contract/model.ts';
import { LABEL_NAMES, type Lang } from './strings.ts';
import { truncateGraphemes } from '../../../server/contract/truncate.ts';

/** What the viewer knows of a node when naming it: its id, primary label and properties. */
export interface Nameable {
  id: string;
  label: string;
  props: Record<string, unknown>;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

let unitTag: (report: string) => string | undefined = () => undefined;

/**
 * How names tell the paragraphs and recommendations of different meetings apart: the app
 * sets this from the corpus (report id → meeting tag, when the corpus holds more than one
 * meeting), and `24(c)` is then named `LAC-15 24(c)` everywhere.
 */
export function setUnitTags(tagOf: (report: string) => string | undefined): void {
  unitTag = tagOf;
}

/** `LAC-15 ` for a unit of a tagged report (its `report` property, else its id's key), else ''. */
function unitTagPrefix(id: string, props: Record<string, unknown>): string {
  const report = str(props.report) ?? (/^(?:para|rec):([^:]+):/.exec(id) ? `report:${/^(?:para|rec):([^:]+):/.exec(id)![1]}` : undefined);
  const tag = report ? unitTag(report) : undefined;
  return tag ? `${tag} ` : '';
}

/** "24(c)" for rec:lac-rpm-2025:24(c); falls back to the paragraph and letter properties. */
export function recommendationRef(id: string, props: Record<string, unknown> = {}): string {
  const fromId = /:(\d+\([a-z]+\))$/i.exec(id)?.[1];
  if (fromId) return fromId;
  const paragraph = props.paragraph;
  const letter = str(props.letter);
  if (paragraph !== undefined && letter) return `${String(paragraph)}(${letter})`;
  return id.split(':').pop() ?? id;
}

function paragraphNumber(id: string, props: Record<string, unknown>): string {
  const n = props.number;
  if (typeof n === 'number' || typeof n === 'string') return String(n);
  return id.split(':').pop() ?? id;
}

/**
 * Whether a node is a virtual one, made up by a procedure rather than stored: the
 * nodes of `CALL db.schema.visualization()` stand for labels, carry the label's
 * name in `name` and have negative ids (Neo4j Operations Manual, db.schema.visualization).
 */
export function isVirtualNode(id: string): boolean {
  return /^-\d+$/.test(id);
}

/** A virtual node's name: the label it stands for, in the reader's language when the model knows it. */
function virtualName(node: Nameable, lang: Lang): string | undefined {
  const name = str(node.props.name);
  if (!name) return undefined;
  return LABEL_NAMES[name as NodeLabel]?.[lang] ?? name;
}

/**
 * The full display name of a node in a language (details panel, tables).
 * Chinese and English names fall back on each other, then on `name`, then on the id.
 * A paragraph or recommendation carries its meeting's tag (setUnitTags) unless `options.tag` is
 * false (a list that shows the tag beside the name).
 */
export function fullName(node: Nameable, lang: Lang, options: { tag?: boolean } = {}): string {
  const p = node.props;
  // A list that shows each item's meeting tag beside its name (search results) names the unit without it.
  const tagPrefix = options.tag === false ? () => '' : unitTagPrefix;
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  if (isVirtualNode(node.id)) return virtualName(node, lang) ?? node.id;
  switch (node.label) {
    case 'Recommendation':
      return `${tagPrefix(node.id, p)}${lang === 'zh' ? `建议 ${recommendationRef(node.id, p)}` : `Recommendation ${recommendationRef(node.id, p)}`}`;
    case 'Paragraph':
      return `${tagPrefix(node.id, p)}${lang === 'zh' ? `第 ${paragraphNumber(node.id, p)} 段` : `Paragraph ${paragraphNumber(node.id, p)}`}`;
    case 'Person':
      return str(p.name) ?? str(p[`name_${lang}`]) ?? node.id;
    case 'Document': {
      const symbol = str(p.symbol) ?? str(p.name) ?? node.id.replace(/^doc:/, '');
      const title = str(p[`title_${lang}`]);
      return title ? `${symbol} ${title}` : symbol;
    }
    case 'AgendaItem':
    case 'Workshop':
    case 'Theme':
    case 'Report': {
      const title = str(p[`title_${lang}`]) ?? str(p[`title_${other}`]) ?? str(p.name);
      const prefix = structurePrefix(node.label, p.number, lang);
      return [prefix, title].filter(Boolean).join(prefix && title ? (lang === 'zh' ? '：' : ': ') : '') || node.id;
    }
    default:
      return str(p[`name_${lang}`]) ?? str(p.name) ?? str(p[`name_${other}`]) ?? str(p[`title_${lang}`]) ?? node.id;
  }
}

function structurePrefix(label: string, number: unknown, lang: Lang): string | undefined {
  if (typeof number !== 'number' && typeof number !== 'string') return undefined;
  if (label === 'AgendaItem') return lang === 'zh' ? `议程项目 ${number}` : `Item ${number}`;
  if (label === 'Workshop') return lang === 'zh' ? `讲习班 ${number}` : `Workshop ${number}`;
  return undefined;
}

/** The short name drawn on the graph: short titles for instruments, numbers for agenda items, at most `max` characters. */
export function shortName(node: Nameable, lang: Lang, max = lang === 'zh' ? 16 : 32): string {
  const p = node.props;
  let name: string;
  if (isVirtualNode(node.id)) {
    name = fullName(node, lang);
  } else if (node.label === 'Instrument') {
    name = str(p[`short_${lang}`]) ?? fullName(node, lang);
  } else if (node.label === 'AgendaItem' || node.label === 'Workshop') {
    name = structurePrefix(node.label, p.number, lang) ?? fullName(node, lang);
  } else if (node.label === 'Document') {
    name = str(p.symbol) ?? fullName(node, lang);
  } else if (node.label === 'Recommendation') {
    name = `${unitTagPrefix(node.id, p)}${recommendationRef(node.id, p)}`;
  } else {
    name = fullName(node, lang);
  }
  return truncateGraphemes(name, max);
}
