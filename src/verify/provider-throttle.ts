/**
 * Politeness per provider: at most `concurrency` requests at once to one vendor, and none while it has asked for a
 * pause (a 429's Retry-After). Providers do not wait for each other.
 */
export class ProviderThrottle {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly concurrency: number) {}

  async run<T>(provider: string, task: () => Promise<T>): Promise<T> {
    await this.slot(provider);
    try {
      const pause = (this.pausedUntil.get(provider) ?? 0) - Date.now();
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      return await task();
    } finally {
      this.release(provider);
    }
  }

  /** The provider asked for a pause: requests to it wait until then. */
  pause(provider: string, ms: number): void {
    this.pausedUntil.set(provider, Math.max(this.pausedUntil.get(provider) ?? 0, Date.now() + ms));
  }

  private slot(provider: string): Promise<void> {
    const count = this.running.get(provider) ?? 0;
    if (count < this.concurrency) {
      this.running.set(provider, count + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(provider) ?? [];
      queue.push(resolve);
      this.waiting.set(provider, queue);
    });
  }

  private release(provider: string): void {
    const next = this.waiting.get(provider)?.shift();
    if (next) next(); // the slot passes straight to the next request
    else this.running.set(provider, (this.running.get(provider) ?? 1) - 1);
  }
}
