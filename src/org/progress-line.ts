/**
 * One line on stderr, rewritten in place, while an organization scan runs: repositories done of all, commits,
 * findings, time spent and an estimate of the time left. Only on a terminal, and never in CI (logs keep every \r).
 */
export class ProgressLine {
  private done = 0;
  private commits = 0;
  private findings = 0;
  private failed = 0;
  private readonly started = Date.now();
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    enabled = Boolean(stream.isTTY) && !process.env.CI,
  ) {
    if (enabled) {
      this.timer = setInterval(() => this.draw(), 500);
      this.timer.unref();
      this.draw();
    }
  }

  repositoryDone(commits: number, findings: number, failed: boolean): void {
    this.done++;
    this.commits += commits;
    this.findings += findings;
    if (failed) this.failed++;
    if (this.timer) this.draw();
  }

  /** Clears the line, so the report or the next message starts on a clean one. */
  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.stream.write('\r\x1b[K');
  }

  private draw(): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = this.done > 0 && this.done < this.total ? ` · about ${clock((elapsed / this.done) * (this.total - this.done))} left` : '';
    const failed = this.failed ? ` · ${this.failed} failed` : '';
    this.stream.write(`\r\x1b[Kkeyward: ${this.done}/${this.total} repositories · ${this.commits} commits · ${this.findings} findings${failed} · ${clock(elapsed)}${eta}`);
  }
}

function clock(seconds: number): string {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
