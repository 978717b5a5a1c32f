/** A promise that waiters share, and the function that resolves it (once; later calls change nothing). */
export interface Gate {
  readonly promise: Promise<void>;
  open(): void;
}

/** A gate not yet open: its promise resolves when `open` is called. */
export function closedGate(): Gate {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** A gate already open: its promise has resolved. */
export function openGate(): Gate {
  const gate = closedGate();
  gate.open();
  return gate;
}
