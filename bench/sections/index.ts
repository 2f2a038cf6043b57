import type { BenchSection } from '../report.js';
import { coreThroughput } from './core-throughput.js';
import { exposureLimits } from './exposure-limits.js';
import { fieldUsageOverhead } from './field-usage.js';
import { metricsOverhead } from './metrics-overhead.js';
import { moduleRuntime } from './module-runtime.js';
import { modulesThroughput } from './modules-throughput.js';
import { registryAndInstall } from './registry-install.js';
import { serviceCall } from './service-call.js';
import { startup } from './startup.js';

/** Every section `npm run bench` runs, in order. Add new sections here. */
export const sections: BenchSection[] = [
  coreThroughput,
  startup,
  moduleRuntime,
  modulesThroughput,
  registryAndInstall,
  serviceCall,
  exposureLimits,
  fieldUsageOverhead,
  metricsOverhead,
];
