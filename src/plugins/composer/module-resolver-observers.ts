/** Told about every finished root-field resolver call of a module (for metrics). */
export type ModuleResolverObserver = (module: string, seconds: number, failed: boolean) => void;

const observers = new Set<ModuleResolverObserver>();

/** Starts telling `observer` about module resolver calls; returns the disposer that stops it. */
export function observeModuleResolvers(observer: ModuleResolverObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export function hasModuleResolverObservers(): boolean {
  return observers.size > 0;
}

export function notifyModuleResolver(module: string, startedAt: bigint, failed: boolean): void {
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  for (const observer of observers) observer(module, seconds, failed);
}
