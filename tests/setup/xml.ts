/** What the tests of the XML exports (GEXF, GraphML) share. */
import { SaxesParser } from 'saxes';

/**
 * saxes' complaints about a document: none when it is well-formed XML 1.0 with
 * namespaces (saxes is a conforming parser that rejects every character XML 1.0 forbids).
 */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}
