/** What a work loop claims and does: the outbox of one channel (SMS, webhooks). */
export interface WorkSource<T> {
  /** At most this many items at the same time. */
  concurrency: number;
  /** Claims up to `limit` due items (none when nothing is due). A failure is reported to `claimFailed`. */
  claim(limit: number): Promise<T[]>;
  /** Does one claimed item; never throws (it records its own failures). */
  handle(item: T): Promise<void>;
  /** How long to wait while there is nothing to claim, or no room, or the claims fail (`claimFailures` in a row). */
  waitMs(claimFailures: number): number;
  /** Whether to claim now (a channel may pause); claiming by default. */
  mayClaim?(): boolean;
  claimFailed(error: unknown, failures: number): void;
  /** Claims work again after `failures` failed in a row. */
  claimRecovered?(failures: number): void;
}

/**
 * Claims and does the work of a source until stopped, up to its concurrency: claims again as soon as an
 * item is done or `wakeUp` says new work was committed, and otherwise waits as the source says. The
 * dispatchers of every channel share it, so they start, stop and drain alike.
 */
export class WorkLoop<T> {
  readonly #inFlight = new Set<Promise<void>>();
  #running = false;
  #wake: (() => void) | undefined;
  #claimFailures = 0;
  #looping: Promise<void> = Promise.resolve();

  constructor(private readonly source: WorkSource<T>) {}

  get running(): boolean {
    return this.#running;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#looping = this.#loop();
  }

  /** New work may be due: stop waiting. */
  wakeUp(): void {
    this.#wake?.();
  }

  /** Stops claiming, and finishes the items in progress. */
  async stop(): Promise<void> {
    this.#running = false;
    this.wakeUp();
    // A claim still running when stopped hands its items out before the loop ends: they are in flight too.
    await this.#looping;
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Does everything due now, then returns: for tests and one-off runs. */
  async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.source.claim(this.source.concurrency);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((item) => this.source.handle(item)));
    }
  }

  async #loop(): Promise<void> {
    const { source } = this;
    while (this.#running) {
      const free = source.concurrency - this.#inFlight.size;
      let claimed: T[] = [];
      if (free > 0 && (source.mayClaim?.() ?? true)) {
        try {
          claimed = await source.claim(free);
          if (this.#claimFailures > 0) {
            source.claimRecovered?.(this.#claimFailures);
            this.#claimFailures = 0;
          }
        } catch (error) {
          this.#claimFailures += 1;
          source.claimFailed(error, this.#claimFailures);
        }
      }
      for (const item of claimed) {
        const task = source.handle(item).finally(() => {
          this.#inFlight.delete(task);
          this.wakeUp();
        });
        this.#inFlight.add(task);
      }
      const idle = claimed.length === 0 || this.#inFlight.size >= source.concurrency;
      if (idle && this.#running) await this.#sleep();
    }
  }

  #sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.source.waitMs(this.#claimFailures));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }
}
