/**
 * A token bucket per key: each key may spend up to `capacity` at once, and earns `refillPerSecond`
 * back over time. Memory is bounded: past MAX_KEYS, the key used longest ago is forgotten (it comes
 * back with a full bucket, which costs an attacker nothing they could not get from a new key anyway).
 */
export interface BucketRule {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export interface Spend {
  readonly allowed: boolean;
  /** The first refusal since this key last had a token: the one worth telling the person about. */
  readonly firstRefusal: boolean;
}

interface Bucket {
  tokens: number;
  at: number;
  refused: boolean;
}

/** Keys remembered at most: more people than are active at once on one instance. */
const MAX_KEYS = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly rule: BucketRule) {}

  take(key: string): Spend {
    const now = Date.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.rule.capacity, at: now, refused: false };
    bucket.tokens = Math.min(this.rule.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.rule.refillPerSecond);
    bucket.at = now;
    // Re-inserted so the Map's order is least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.refused = false;
      return { allowed: true, firstRefusal: false };
    }
    const firstRefusal = !bucket.refused;
    bucket.refused = true;
    return { allowed: false, firstRefusal };
  }
}
