/** Command lines (`pid args…`) of running launchers whose data directory is `dataDirectory`. */
export function launchersFor(dataDirectory: string): string[];
/** The pid of the launcher of `dataDirectory` serving Bolt on `port` now (not a standby); undefined while none. */
export function launcherServing(dataDirectory: string, port: number): number | undefined;
