/** A promise with its resolve function (Node 20 has no Promise.withResolvers): a gate a test opens when it is ready. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
