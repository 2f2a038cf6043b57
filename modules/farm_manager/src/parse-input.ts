// Shared by every module: the SDK's zod-input helper (BAD_USER_INPUT naming the field).
export { parseInput } from 'a64-platform/sdk';
