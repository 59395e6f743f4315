import type { TextSignature } from '@bekasi/intake-domain';

/**
 * The text signatures of complaints this process stored or read lately, by complaint id. A
 * signature never changes once stored, so a cached one is always right; the cache only spares the
 * duplicate check reading (and decoding) the 600 bytes of each of its 40 candidates again, which
 * was most of the check's cost. Bounded: the oldest entry goes first.
 */
export class TextSignatureCache {
  private readonly entries = new Map<string, TextSignature>();

  constructor(private readonly capacity: number) {}

  get(complaintId: string): TextSignature | undefined {
    return this.entries.get(complaintId);
  }

  set(complaintId: string, signature: TextSignature): void {
    this.entries.delete(complaintId);
    this.entries.set(complaintId, signature);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
