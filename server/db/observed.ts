/**
 * A driver that reports each query's summary once its result is in, for measurements and
 * checks made beside the product's code: the benchmark's share of Neo4j's time, the test that
 * no query draws a deprecation warning. Queries run through sessions (`run`, and `run` in the
 * transactions of `executeRead` / `executeWrite`) and through `executeQuery` are reported; a
 * failed query is not. Everything else is the given driver's, unchanged.
 */
import type { Driver, ManagedTransaction, Result, ResultSummary, Session } from 'neo4j-driver';

/** The query's text (a string, or the text of a `{text, parameters}` query) and its summary. */
export type SummaryListener = (query: string, summary: ResultSummary) => void;

type Fn = (...args: unknown[]) => unknown;

const textOf = (query: unknown): string => (typeof query === 'string' ? query : String((query as { text?: unknown } | undefined)?.text ?? ''));

/** `driver`, calling `onSummary` for every query that succeeds through it. */
export function observedDriver(driver: Driver, onSummary: SummaryListener): Driver {
  const bound = (target: object, value: unknown): unknown => (typeof value === 'function' ? (value as Fn).bind(target) : value);
  // A Result keeps one promise: this `then` and the caller's await share it.
  const watch = (query: unknown, result: Result): Result => {
    result.then(
      (r) => onSummary(textOf(query), r.summary),
      () => undefined,
    );
    return result;
  };
  const runner = <T extends Session | ManagedTransaction>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const value: unknown = Reflect.get(t, prop);
        if (prop === 'run') return (query: unknown, ...rest: unknown[]) => watch(query, (value as Fn).call(t, query, ...rest) as Result);
        if (prop === 'executeRead' || prop === 'executeWrite')
          return (work: (tx: ManagedTransaction) => unknown, ...rest: unknown[]) =>
            (value as Fn).call(t, (tx: ManagedTransaction) => work(runner(tx)), ...rest);
        return bound(t, value);
      },
    });
  return new Proxy(driver, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop);
      if (prop === 'session') return (...args: unknown[]) => runner((value as Fn).apply(t, args) as Session);
      if (prop === 'executeQuery')
        return async (query: unknown, ...rest: unknown[]) => {
          const answer = (await (value as Fn).call(t, query, ...rest)) as { summary: ResultSummary };
          onSummary(textOf(query), answer.summary);
          return answer;
        };
      return bound(t, value);
    },
  });
}
