/**
 * Coalesces a child's reports to its parent: whatever changes in between, at most one report
 * every `intervalMs` of workflow time, so a busy child cannot flood its parent with signals.
 * Versions (not a flag) so a change made while a report is on its way is not lost.
 */
export class ReportThrottle {
  private version = 0;
  private reportedVersion = 0;
  private lastReportAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number) {}

  markChanged(): void {
    this.version += 1;
  }

  get pending(): boolean {
    return this.version > this.reportedVersion;
  }

  /** When the next report may go, if one is pending. */
  dueAt(): number | undefined {
    return this.pending ? this.lastReportAt + this.intervalMs : undefined;
  }

  isDue(now: number): boolean {
    return this.pending && now >= this.lastReportAt + this.intervalMs;
  }

  /** Call before sending; pass the result to `reported` once sent. */
  begin(): number {
    return this.version;
  }

  reported(version: number, at: number): void {
    this.reportedVersion = Math.max(this.reportedVersion, version);
    this.lastReportAt = at;
  }
}
