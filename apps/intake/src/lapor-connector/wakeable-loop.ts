/**
 * A background loop that runs `round` until stopped, pausing for the delay each round returns
 * (0: at once) unless woken earlier; stop() waits for the round in flight. The connector's sender,
 * its updates poller and the reporter notices each run on one.
 */
export class WakeableLoop {
  private running = false;
  private loop?: Promise<void>;
  private wakeNow?: () => void;
  private woken = false;

  constructor(
    private readonly round: () => Promise<number>,
    private readonly onError: (err: Error) => number,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  wake(): void {
    this.woken = true;
    this.wakeNow?.();
  }

  get isRunning(): boolean {
    return this.running;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeNow?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let delay: number;
      try {
        delay = await this.round();
      } catch (err) {
        delay = this.running ? this.onError(err as Error) : 0;
      }
      if (!this.running) break;
      if (this.woken) {
        this.woken = false;
        continue;
      }
      if (delay <= 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeNow = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
