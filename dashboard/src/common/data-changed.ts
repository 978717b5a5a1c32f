import { useEffect, useState } from 'preact/hooks';

const EVENT = 'dashboard:data-changed';

/** Tells every view that this page wrote something, so what it shows is read again. */
export function announceDataChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** A number that grows with each write from this page: the shell keys its views on it, so they read again. */
export function useDataEpoch(): number {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    const bump = (): void => setEpoch((value) => value + 1);
    window.addEventListener(EVENT, bump);
    return () => window.removeEventListener(EVENT, bump);
  }, []);
  return epoch;
}
