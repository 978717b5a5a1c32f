/**
 * What answering costs on this machine now, measured in the same run: the slowest of a few rounds of
 * `concurrent` trivial requests (`{ __typename }`, no statement) sent at once to `url`. A test that bounds how
 * long an answer may take past a deadline (a request budget) adds this to its fixed slack, so a loaded machine,
 * where every answer is slower, raises the bound by what it costs, while a service that answers late for a
 * reason of its own still fails.
 */
export async function requestOverheadMs(url: string, concurrent = 1, rounds = 3): Promise<number> {
  let slowest = 0;
  for (let round = 0; round < rounds; round++) {
    const times = await Promise.all(
      Array.from({ length: concurrent }, async () => {
        const started = Date.now();
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`a trivial request answered HTTP ${response.status}`);
        return Date.now() - started;
      }),
    );
    slowest = Math.max(slowest, ...times);
  }
  return slowest;
}
