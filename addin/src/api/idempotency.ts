/**
 * Hands out one Idempotency-Key per distinct request body: a retry or a double click of the same
 * submission reuses the key (the service replays the first answer), a changed body gets a new one
 * (the service would reject a reused key with a different body).
 */
export class IdempotencyKeys {
  private lastBody: string | null = null;
  private lastKey: string | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  keyFor(body: unknown): string {
    const serialized = JSON.stringify(body);
    if (serialized !== this.lastBody || !this.lastKey) {
      this.lastBody = serialized;
      this.lastKey = this.newKey();
    }
    return this.lastKey;
  }
}
