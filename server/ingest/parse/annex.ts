/** Rows of the annex's list of documents: "SYMBOL<tab>TITLE", where one row may stand for a series ("L.1 和 Add.1-5"). */
import type { AnnexDocument } from './types.ts';

export function parseAnnexRow(raw: string, line: number): AnnexDocument {
  const [symbolColumn = '', ...rest] = raw
    .split('\t')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return { symbols: expandSymbols(symbolColumn), title: rest.join(' '), line };
}

/** "A/CONF.241/RPM.2/L.1 和 Add.1-5" → the base symbol and its five addenda. */
export function expandSymbols(column: string): string[] {
  const [base = '', ...more] = column.split(/\s*(?:和|及|and|,|，|、)\s*/).filter((p) => p !== '');
  const symbols = [base];
  for (const part of more) {
    const series = /^(Add|Corr|Rev)\.(\d+)\s*[-–—]\s*(\d+)$/.exec(part);
    if (series) {
      for (let k = Number(series[2]); k <= Number(series[3]); k++) symbols.push(`${base}/${series[1]}.${k}`);
    } else if (/^(Add|Corr|Rev)\.\d+$/.test(part)) symbols.push(`${base}/${part}`);
    else symbols.push(part);
  }
  return symbols;
}
