import { closeCompletion } from '@codemirror/autocomplete';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { createCypherEditor } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';

export interface CypherEditorHandle {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  destroy(): void;
}

/**
 * The CodeMirror 6 editor with Neo4j's Cypher support (highlighting, linting,
 * completion); Ctrl+Enter (Cmd+Enter) runs the query, Ctrl+↑/↓ walk the history. Loaded on demand, the
 * first time the console opens, so the graph does not wait for it.
 */
export function mountCypherEditor(
  parent: HTMLElement,
  options: { value: string; label: string; onRun: () => void; onHistory?: (step: 1 | -1) => void; onChange?: (value: string) => void },
): CypherEditorHandle {
  const run = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        preventDefault: true,
        run: (view) => {
          closeCompletion(view);
          options.onRun();
          return true;
        },
      },
      // Neo4j Browser's keys: Ctrl+↑ the previous query of the history, Ctrl+↓ the next.
      {
        key: 'Mod-ArrowUp',
        preventDefault: true,
        run: (view) => {
          closeCompletion(view);
          options.onHistory?.(1);
          return true;
        },
      },
      {
        key: 'Mod-ArrowDown',
        preventDefault: true,
        run: (view) => {
          closeCompletion(view);
          options.onHistory?.(-1);
          return true;
        },
      },
    ]),
  );
  const { editor } = createCypherEditor(parent, {
    value: options.value,
    lineNumbers: true,
    lineWrapping: true,
    autocomplete: true,
    lint: true,
    history: true,
    theme: 'light',
    tabKey: false,
    placeholder: 'MATCH (n) RETURN n LIMIT 25',
    preExtensions: [run, EditorView.contentAttributes.of({ 'aria-label': options.label })],
  });
  if (options.onChange) editor.onValueChanged((value: string) => options.onChange?.(value));
  return {
    getValue: () => editor.codemirror.state.doc.toString(),
    setValue: (text: string) => editor.setValue(text),
    focus: () => editor.focus(),
    destroy: () => editor.destroy(),
  };
}
