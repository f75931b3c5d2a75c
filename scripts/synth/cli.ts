/**
 * `npm run synth -- --count 50 [--seed 1] [--lang zh|en] [--out .data/synth]`:
 * writes N synthetic reports in the seed's format, deterministic from the seed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { PROJECT_ROOT } from '../../server/config.ts';
import { loadGazetteer } from '../../server/ingest/gazetteer/load.ts';
import { generateReport, type SynthLanguage } from './generate.ts';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
}

const program = new Command('synth')
  .description('Write synthetic meeting reports in the format of the bundled seed report.')
  .requiredOption('-n, --count <n>', 'how many reports', positiveInt)
  .option('-s, --seed <n>', 'seed of the generator', positiveInt, 1)
  .option('-l, --lang <lang>', 'zh or en', 'zh')
  .option('-o, --out <dir>', 'output directory', '.data/synth')
  .parse();

const options = program.opts<{ count: number; seed: number; lang: string; out: string }>();
if (options.lang !== 'zh' && options.lang !== 'en') program.error('--lang must be zh or en');

const gazetteer = await loadGazetteer(path.join(PROJECT_ROOT, 'data/gazetteer'));
const outDir = path.resolve(options.out);
await mkdir(outDir, { recursive: true });
for (let i = 0; i < options.count; i += 1) {
  const report = generateReport(gazetteer, options.seed, i, options.lang as SynthLanguage);
  await writeFile(path.join(outDir, report.fileName), report.text);
}
console.log(`${options.count} ${options.lang} reports written to ${outDir}`);
