/**
 * Runs queries one after another. Inside a transaction every query shares one connection, and
 * node-postgres refuses (from pg 9) a query while another is running on it, so work that may run
 * in a transaction uses this rather than Promise.all.
 */
export async function inTurn<T extends readonly (() => unknown)[]>(
  ...steps: T
): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
