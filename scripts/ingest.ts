/**
 * npm run ingest -- <report file>… [--out graph.json] [--text dir] [--gazetteer dir] [--evaluate gold.json]
 *
 * Reads each report (PDF, Word .docx or text, recognised by content), builds one graph
 * for all of them, validates it against MODEL.md and writes graph.json atomically;
 * prints counts and the text it could not place. `--text dir` also writes, per report,
 * the text as extracted (<file>.extracted.txt: the lines the graph's `line` counts for a PDF
 * or Word file) and as the parser read it (<file>.read.txt: normalised, laid out again).
 * Bad input: one line on stderr, exit 1, no file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { ingestDocument, loadGazetteer, mergeGraphs, validateGraph } from '../server/ingest/index.ts';
import { uniqueReportId } from '../server/ingest/extract/ids.ts';
import { formatScore, goldSchema, scoreGraph, type Gold } from '../server/ingest/score.ts';
import { formatSummary, formatUnreviewed } from '../server/ingest/summary.ts';
import { writeGraphAtomically } from '../server/ingest/writeGraph.ts';

interface Options {
  out: string;
  gazetteer: string;
  reportId?: string;
  evaluate?: string;
  text?: string;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('ingest')
    .description('Turn UN Crime Congress meeting reports into graph.json (see docs/MODEL.md)')
    .argument('<reports...>', 'report files: PDF, Word (.docx) or text (UTF-8, UTF-16), Chinese or English')
    .option('--out <file>', 'where to write graph.json', 'graph.json')
    .option('--text <dir>', "also write each report's extracted text and the text the parser read into <dir>")
    .option('--gazetteer <dir>', 'gazetteer directory', path.join('data', 'gazetteer'))
    .option('--report-id <id>', 'report id (only with a single report), e.g. report:lac-rpm-2025')
    .option('--evaluate <gold>', "score the graph against a reader's annotation (the evaluation kit's gold.json format) and print the table")
    .showHelpAfterError();
  program.parse(argv);
  const files = program.args;
  const opts = program.opts<Options>();
  if (opts.reportId && files.length > 1) throw new UsageError('--report-id applies to a single report');

  // The annotation is read first, so a bad one stops the run before anything is written.
  let gold: Gold | null = null;
  if (opts.evaluate) {
    try {
      gold = goldSchema.parse(JSON.parse(await readFile(opts.evaluate, 'utf8')));
    } catch (err) {
      throw new UsageError(`cannot read the annotation ${opts.evaluate}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const gazetteer = await loadGazetteer(opts.gazetteer);
  const graphs = [];
  const warnings: string[] = [];
  const reportIds = new Set<string>();
  const unreviewed: Parameters<typeof formatUnreviewed>[0][number][] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const reportId = opts.reportId ?? uniqueReportId(file, reportIds);
    reportIds.add(reportId);
    const result = await ingestDocument(bytes, { source: file, gazetteer, reportId });
    graphs.push(result.graph);
    warnings.push(...result.warnings);
    unreviewed.push(...result.unreviewed.map((e) => ({ ...e, source: file })));
    if (result.footnotes.length > 0)
      console.log(`${file}: ${result.footnotes.length} footnote${result.footnotes.length > 1 ? 's' : ''} set apart from the text`);
    if (opts.text) {
      await mkdir(opts.text, { recursive: true });
      const base = path.join(opts.text, path.basename(file));
      await writeFile(`${base}.extracted.txt`, `${result.extracted}\n`);
      await writeFile(`${base}.read.txt`, `${result.text}\n`);
      console.log(`${file}: read as ${result.format}; its text is in ${base}.extracted.txt and ${base}.read.txt`);
    }
  }
  const graph = mergeGraphs(graphs);
  const problems = validateGraph(graph);
  if (problems.length > 0) throw new Error(`the graph does not validate against MODEL.md: ${problems[0]} (and ${problems.length - 1} more)`);
  await writeGraphAtomically(graph, opts.out);
  console.log(formatSummary(graph, warnings));
  console.log(formatUnreviewed(unreviewed));
  console.log(`wrote ${opts.out}`);

  if (gold) {
    console.log(`against ${opts.evaluate}:`);
    console.log(formatScore(scoreGraph(graph, gold)));
  }
}

class UsageError extends Error {}

main(process.argv).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`ingest: ${message.split('\n')[0]}`);
  process.exitCode = 1;
});
