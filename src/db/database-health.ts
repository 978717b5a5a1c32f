/**
 * What the supervisor of the embedded database is doing: `restarting` carries the attempt under way. A JVM
 * that came back is `running` at once (its plans are made again in the background, holding no request).
 */
export type SupervisorState =
  | { readonly state: 'running' }
  | { readonly state: 'restarting'; readonly attempt: number }
  | { readonly state: 'stopped' };

/**
 * What the service knows about its database's state without asking it: readiness consults this before it
 * pings, so a database that is known to be down (e.g. being restarted) is reported with the real reason.
 */
export interface DatabaseHealth {
  /** Why the database cannot answer right now (e.g. "embedded database restarting (attempt 2)"), if known. */
  unavailableReason(): string | undefined;
  /** The embedded database's supervisor state; undefined for a database the service does not manage. */
  supervisorState(): SupervisorState | undefined;
  /**
   * While the database is known to be coming back (restarting), a promise that resolves the moment it accepts
   * connections again (or is stopped); undefined otherwise. Statements wait on it instead of trying a database
   * that is not there yet.
   */
  untilServing(): Promise<void> | undefined;
}

/** For a database the service does not manage (an external server): nothing is known beyond the ping. */
export const UNMANAGED_DATABASE: DatabaseHealth = {
  unavailableReason: () => undefined,
  supervisorState: () => undefined,
  untilServing: () => undefined,
};
