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
