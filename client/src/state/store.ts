/** A minimal observable value: views and panels subscribe, the app sets. */
export class Store<T extends object> {
  private listeners = new Set<(state: T, previous: T) => void>();

  constructor(private state: T) {}

  get(): T {
    return this.state;
  }

  /** Merges `patch`; listeners run only when some value actually changed. */
  set(patch: Partial<T>): void {
    const previous = this.state;
    const next = { ...previous, ...patch };
    const changed = (Object.keys(patch) as (keyof T)[]).some((key) => !Object.is(previous[key], next[key]));
    if (!changed) return;
    this.state = next;
    for (const listener of this.listeners) listener(next, previous);
  }

  subscribe(listener: (state: T, previous: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
