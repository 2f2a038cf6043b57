export { buildBundledModules } from './build-bundled-modules.js';
export {
  createTestPlatform,
  TEST_ADMIN_EMAIL,
  TEST_ADMIN_PASSWORD,
  type TestGraphQLResult,
  type TestPlatform,
  type TestPlatformOptions,
} from './create-test-platform.js';
