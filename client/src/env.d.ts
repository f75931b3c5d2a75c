// Ambient declarations for what Vite bundles but TypeScript (NodeNext, shared with the server) cannot see.

declare module '*.css';

/** The part of @neo4j-cypher/codemirror the console uses (its own typings are not reachable through its exports map). */
declare module '@neo4j-cypher/codemirror' {
  import type { Extension } from '@codemirror/state';
  import type { EditorView } from '@codemirror/view';

  export interface EditorApi {
    codemirror: EditorView;
    setValue(value?: string, parseOnSetValue?: boolean): void;
    focus(): void;
    destroy(): void;
    onValueChanged(listener: (value: string) => void): () => void;
  }

  export interface EditorOptions {
    value?: string;
    autocomplete?: boolean;
    history?: boolean;
    lineNumbers?: boolean;
    lineWrapping?: boolean;
    lint?: boolean;
    placeholder?: string;
    readOnly?: boolean;
    tabKey?: boolean;
    theme?: 'light' | 'dark' | 'auto';
    preExtensions?: Extension[];
    postExtensions?: Extension[];
  }

  export function createCypherEditor(parent: Element | DocumentFragment, options: EditorOptions): { editor: EditorApi };
}

/** graphology-layout-forceatlas2's worker body and helpers, which its own supervisor uses (no typings of their own). */
declare module 'graphology-layout-forceatlas2/webworker.js' {
  const workerFunction: () => void;
  export default workerFunction;
}
declare module 'graphology-layout-forceatlas2/helpers.js' {
  export function graphToByteArrays(
    graph: unknown,
    getEdgeWeight: (edge: string, attributes: Record<string, unknown>) => number,
  ): { nodes: Float32Array; edges: Float32Array };
  export function assignLayoutChanges(graph: unknown, nodes: Float32Array, outputReducer: null): void;
  export function createWorker(fn: () => void): Worker;
}
/** One ForceAtlas2 iteration over the byte matrices, in place (what the library's worker runs per message). */
declare module 'graphology-layout-forceatlas2/iterate.js' {
  const iterate: (settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array) => void;
  export default iterate;
}
declare module 'graphology-layout-forceatlas2/defaults.js' {
  const defaults: Record<string, unknown>;
  export default defaults;
}

/** graphology-gexf's writer module (CommonJS, no type declarations of its own; see its common/types.d.ts). */
declare module 'graphology-gexf/common/writer.js' {
  const write: (graph: unknown, options?: Record<string, unknown>) => string;
  export default write;
}
