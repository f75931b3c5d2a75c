/**
 * Text made writable in XML 1.0, for every XML the product writes (GEXF through
 * graphology-gexf, GraphML through graphml.ts). Stored text can hold anything a
 * report held: Word's manual line break is a vertical tab (U+000B), PDFs carry
 * form feeds and stray control characters, a damaged file lone surrogates. XML 1.0
 * cannot carry these at all, not even as character references (&#xB; is as
 * ill-formed as the character): one of them makes the whole file unreadable to
 * Gephi, networkx, yEd or any conforming parser.
 *
 * The rule is XML 1.0 (Fifth Edition) § 2.2, production [2] Char:
 *   #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
 * https://www.w3.org/TR/xml/#charsets
 */

/** Characters outside XML 1.0's Char production, as JavaScript (UTF-16) sees them. */

const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with every character XML 1.0 forbids replaced: a vertical tab or form
 * feed (a line or page break in the source) by a line feed, a lone surrogate by
 * U+FFFD (as a UTF-8 encoder would), any other control character dropped.
 * Everything else, astral characters included, is kept.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, (ch) => {
    if (ch === '\u000B' || ch === '\u000C') return '\n';
    const code = ch.charCodeAt(0);
    return code >= 0xd800 && code <= 0xdfff ? '\uFFFD' : '';
  });
}

/**
 * Element content: `xmlSafe`, then & < > escaped, and CR, NEL (U+0085) and the
 * line separator (U+2028) as character references: a parser turns a literal CR LF
 * into LF, and XML 1.1 readers (xmldom among them) NEL and U+2028 too.
 */
export function xmlText(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\u0085\u2028]/g, (ch) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`);
}

/**
 * A double-quoted attribute value: `xmlText`, plus the quote, and tab and line
 * feed as references (a parser normalises them to spaces in attribute values,
 * XML 1.0 § 3.3.3).
 */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;');
}

type Scalar = string | number | boolean | null;
type Value = Scalar | Value[] | { [key: string]: Value };

export interface XmlNode<A> {
  id: string;
  attributes: A;
}
export interface XmlEdge<A> extends XmlNode<A> {
  source: string;
  target: string;
}

/**
 * Nodes and edges ready for an XML writer: every string in them (ids, attribute
 * names, values, nested lists) through `xmlSafe`. Ids stay unique as a reader
 * reads them: an id that `xmlSafe` changes into one already taken, or that would read
 * back as an earlier one (line ends a reader normalises: `readKey`), gets ` #2`,
 * ` #3` … and the edges follow their nodes. Ids that need no change are renamed only
 * in that second case.
 */
export function xmlSafeGraph<N extends Record<string, Value>, E extends Record<string, Value>>(
  nodes: readonly XmlNode<N>[],
  edges: readonly XmlEdge<E>[],
): { nodes: XmlNode<N>[]; edges: XmlEdge<E>[] } {
  const nodeIds = uniqueIds(nodes.map((n) => n.id));
  const edgeIds = uniqueIds(edges.map((e) => e.id));
  return {
    nodes: nodes.map((n) => ({ id: nodeIds.get(n.id)!, attributes: safeValue(n.attributes) as N })),
    edges: edges.map((e) => ({
      id: edgeIds.get(e.id)!,
      source: nodeIds.get(e.source) ?? xmlSafe(e.source),
      target: nodeIds.get(e.target) ?? xmlSafe(e.target),
      attributes: safeValue(e.attributes) as E,
    })),
  };
}

/**
 * An id as a reader may hand it back: XML 1.1 readers (xmldom, which graphology's GEXF and
 * GraphML parsers use) turn a literal CR LF, CR, NEL (U+0085) and line separator (U+2028)
 * into a line feed (XML 1.1 § 2.11), and graphology-gexf's writer leaves NEL and U+2028 as
 * they are. Two ids with the same key would read back as one node.
 */
function readKey(id: string): string {
  return id.replace(/\r\n|[\r\u0085\u2028]/g, '\n');
}

function uniqueIds(ids: readonly string[]): Map<string, string> {
  const mapped = new Map<string, string>();
  const taken = new Set<string>();
  // Ids that need no change keep themselves, unless an earlier one reads back the same.
  for (const id of ids) {
    if (mapped.has(id) || xmlSafe(id) !== id || taken.has(readKey(id))) continue;
    taken.add(readKey(id));
    mapped.set(id, id);
  }
  for (const id of ids) {
    if (mapped.has(id)) continue;
    const safe = xmlSafe(id);
    let candidate = safe;
    for (let n = 2; taken.has(readKey(candidate)); n++) candidate = `${safe} #${n}`;
    taken.add(readKey(candidate));
    mapped.set(id, candidate);
  }
  return mapped;
}

function safeValue(value: Value): Value {
  if (typeof value === 'string') return xmlSafe(value);
  if (Array.isArray(value)) return value.map(safeValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [xmlSafe(k), safeValue(v)]));
  return value;
}
