/** United Nations document symbols in running text: "A/CONF.241/RPM.2/L.1/Add.1", "E/CN.15/2007/6". */

export interface SymbolHit {
  symbol: string;
  start: number;
  end: number;
}

const SYMBOL = /(?<![A-Za-z0-9/.])[A-Z]{1,6}(?:\/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+/g;

export function findSymbols(text: string): SymbolHit[] {
  const hits: SymbolHit[] = [];
  for (const m of text.matchAll(SYMBOL)) {
    const symbol = m[0];
    // A symbol has at least two parts and a number somewhere ("ICT/AI" is not one).
    if (!/\d/.test(symbol) || symbol.split('/').length < 2) continue;
    hits.push({ symbol, start: m.index, end: m.index + symbol.length });
  }
  return hits;
}
