/** Why a connection was not let in, as its close reason says it. */
export type ConnectionRefusal = { readonly setting: string; readonly max: number; readonly reason: string };

/**
 * Counts open WebSocket connections per client address and in all, and refuses one past either cap
 * (LIVE_MAX_CONNECTIONS_PER_CLIENT, LIVE_MAX_CONNECTIONS). Every `open` that was let in must be matched by one
 * `release` of the same address.
 */
export class ConnectionLimits {
  private readonly perClient = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly maxPerClient: number,
    private readonly maxTotal: number,
  ) {}

  /** Counts the connection in, or says which limit it is over (then nothing is counted). */
  open(client: string): ConnectionRefusal | undefined {
    const held = this.perClient.get(client) ?? 0;
    if (held >= this.maxPerClient) {
      return {
        setting: 'LIVE_MAX_CONNECTIONS_PER_CLIENT',
        max: this.maxPerClient,
        reason: `too many connections from this client: at most ${this.maxPerClient} (LIVE_MAX_CONNECTIONS_PER_CLIENT)`,
      };
    }
    if (this.total >= this.maxTotal) {
      return {
        setting: 'LIVE_MAX_CONNECTIONS',
        max: this.maxTotal,
        reason: `the service holds its most connections, ${this.maxTotal} (LIVE_MAX_CONNECTIONS): try again later`,
      };
    }
    this.perClient.set(client, held + 1);
    this.total += 1;
    return undefined;
  }

  release(client: string): void {
    const held = this.perClient.get(client) ?? 0;
    if (held <= 1) this.perClient.delete(client);
    else this.perClient.set(client, held - 1);
    this.total = Math.max(0, this.total - 1);
  }

  /** Connections open now. */
  get size(): number {
    return this.total;
  }
}
