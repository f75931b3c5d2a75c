/**
 * Statements of one write transaction sent before the earlier ones have answered.
 * The driver writes each `tx.run` to the connection at once and Bolt answers a
 * transaction's statements in the order they were sent, so the loader can build
 * and send the next batch while Neo4j is still writing the last one: its own CPU
 * (folding, packing the rows) overlaps with the database's work instead of
 * adding to it, and no round trip waits between two batches. Nothing changes for
 * the transaction: the statements run one after the other, in order, and a
 * failure of any of them fails the transaction, which then rolls back whole.
 */

/** Batches in flight at once: the one Neo4j is writing and the next, already sent. */
export const PIPELINE_DEPTH = 2;

export class Pipeline {
  private readonly inFlight: Array<Promise<void>> = [];

  /** `depth`: how many statements may be in flight at once (at least 1; 1 = wait for each before sending the next). */
  constructor(private readonly depth: number = PIPELINE_DEPTH) {
    if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`pipeline depth must be a whole number ≥ 1, got ${depth}`);
  }

  /**
   * Take one batch's work (its statement already sent, and what is done with its
   * answer); when `depth` are in flight, wait for the oldest. Rejects with the
   * oldest's error if it failed (the others' errors are then the same
   * transaction's, and are not reported as unhandled).
   */
  async add(work: Promise<void>): Promise<void> {
    work.catch(() => undefined); // reported through add() or drain(), in order
    this.inFlight.push(work);
    while (this.inFlight.length >= this.depth) await this.inFlight.shift();
  }

  /** Wait for every batch in flight, in order; rejects with the first failure. */
  async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }
}
