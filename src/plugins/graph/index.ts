export { type DependencyStatus, type DependencyTarget, dependencyStatuses } from './dependency-statuses.js';
export { enabledDependents } from './enabled-dependents.js';
export { type TopologicalResult, topologicalOrder } from './topological-order.js';
