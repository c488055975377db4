/**
 * The OTLP path's default sampler when OTEL_TRACES_SAMPLER is not set: at most a few new traces a
 * second (a turn, a delivery, a notice copy or a status call each starts one), the default of
 * Microsoft's Azure Monitor distro too. Metrics count every turn either way; traces are for seeing
 * where time goes, and a few a second show that while costing a busy bot next to nothing
 * (bench:telemetry). OTEL_TRACES_SAMPLER=parentbased_always_on records every trace.
 */
import type { Context } from '@opentelemetry/api';
import { ParentBasedSampler, SamplingDecision, type Sampler, type SamplingResult } from '@opentelemetry/sdk-trace-base';

export const DEFAULT_TRACES_PER_SECOND = 5;

export class RateLimitedSampler implements Sampler {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perSecond;
    this.last = now();
  }

  shouldSample(_context: Context): SamplingResult {
    const now = this.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return { decision: SamplingDecision.NOT_RECORD };
    this.tokens -= 1;
    return { decision: SamplingDecision.RECORD_AND_SAMPLED };
  }

  toString(): string {
    return `RateLimitedSampler{${this.perSecond}/s}`;
  }
}

/** New traces rate-limited; a span inside a trace follows its parent's decision. */
export function rateLimitedTraces(perSecond = DEFAULT_TRACES_PER_SECOND): Sampler {
  return new ParentBasedSampler({ root: new RateLimitedSampler(perSecond) });
}
