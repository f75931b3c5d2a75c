/**
 * The default export of a CommonJS package. TypeScript (NodeNext) sees a CJS
 * module's default import as the whole `module.exports` with the ESM default
 * under `.default`; bundlers hand over `module.exports` itself. This returns
 * the export either way.
 */
export function cjsDefault<T>(module: unknown): T {
  const m = module as { default?: unknown; __esModule?: boolean };
  return (m && typeof m === 'object' && 'default' in m && m.default !== undefined ? m.default : m) as T;
}
