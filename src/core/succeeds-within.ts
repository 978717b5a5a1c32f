/**
 * True when `work` succeeded within `ms`; false when it failed or was still running then. The wait is bounded
 * on this side, for work whose own timeout may never fire (a frozen database never answers, so Neo4j's
 * server-side timeout cannot either). The timer is cleared either way, so it holds no process open.
 */
export function succeedsWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = work.then(
    () => true,
    () => false,
  );
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}
