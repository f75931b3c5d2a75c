import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const CONTRACT = path.join(ROOT, 'server', 'contract');
const SERVER = path.join(ROOT, 'server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every module a file imports or re-exports (static and dynamic), as TypeScript reads them. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

const resolved = (file: string, specifier: string) => path.resolve(path.dirname(file), specifier);
const inside = (dir: string, target: string) => !path.relative(dir, target).startsWith('..');

describe('the contract (server/contract/)', () => {
  it("exists and holds the model, the API schemas, the graph types and the API's error", () => {
    expect(
      sourceFiles(CONTRACT)
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(expect.arrayContaining(['api.ts', 'errors.ts', 'graph.ts', 'model.ts']));
  });

  it('imports nothing of the server outside itself, and of packages only zod, graphology-types and csv-stringify (types)', () => {
    const offending: string[] = [];
    for (const file of sourceFiles(CONTRACT)) {
      for (const specifier of importsOf(file)) {
        const ok = specifier.startsWith('.')
          ? inside(CONTRACT, resolved(file, specifier))
          : specifier === 'zod' || specifier === 'graphology-types' || specifier === 'csv-stringify';
        if (!ok) offending.push(`${path.relative(ROOT, file)} → ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});

describe('the viewer (client/)', () => {
  it('imports of the server only the contract', () => {
    const offending: string[] = [];
    for (const file of [...sourceFiles(path.join(ROOT, 'client', 'src')), ...sourceFiles(path.join(ROOT, 'client', 'tools'))]) {
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = resolved(file, specifier);
        if (inside(SERVER, target) && !inside(CONTRACT, target)) offending.push(`${path.relative(ROOT, file)} → ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("takes the answers' types from the contract rather than declaring its own", () => {
    // The shapes the viewer once declared (and guessed at) for itself.
    const ownShapes =
      /^export (?:interface|type|class) (SerializedGraph|SearchResult|SavedQuery|PathResult|CypherResult|NodeDetails|Provenance|RelatedEntity|ApiError)\b/m;
    const offending = sourceFiles(path.join(ROOT, 'client', 'src')).filter((file) => ownShapes.test(readFileSync(file, 'utf8')));
    expect(offending.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
