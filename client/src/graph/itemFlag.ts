/** One sigma state flag over a set of items: setting a new set touches only the items that change. */
export class ItemFlag {
  private on: ReadonlySet<string> = new Set();

  constructor(private readonly apply: (keys: string[], on: boolean) => void) {}

  set(wanted: ReadonlySet<string>): void {
    const leaving: string[] = [];
    const entering: string[] = [];
    for (const key of this.on) if (!wanted.has(key)) leaving.push(key);
    for (const key of wanted) if (!this.on.has(key)) entering.push(key);
    if (leaving.length > 0) this.apply(leaving, false);
    if (entering.length > 0) this.apply(entering, true);
    this.on = new Set(wanted);
  }

  /** Applies the flag again to every item that has it (a new renderer, which starts with no state). */
  reapply(): void {
    if (this.on.size > 0) this.apply([...this.on], true);
  }

  clear(): void {
    this.set(new Set());
  }
}
