import { describe, expect, it } from 'vitest';
import { isPlatformError } from '../../errors/index.js';
import { createOperationGuard } from './operation-guard.js';

const later = <T>(value: T, ms = 10) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('createOperationGuard', () => {
  it('refuses a second operation on the same module while the first runs', async () => {
    const guard = createOperationGuard();
    const first = guard.run('notes', () => later('done'));
    await expect(guard.run('notes', () => later('again'))).rejects.toSatisfy((error) => isPlatformError(error, 'OPERATION_IN_PROGRESS'));
    expect(await first).toBe('done');
    expect(await guard.run('notes', () => later('after'))).toBe('after');
  });

  it('runs operations on different modules one after another, even after a failure', async () => {
    const guard = createOperationGuard();
    const log: string[] = [];
    const a = guard.run('a', async () => {
      await later(null, 20);
      log.push('a');
      throw new Error('a failed');
    });
    const b = guard.run('b', async () => {
      log.push('b');
    });
    await expect(a).rejects.toThrow('a failed');
    await b;
    expect(log).toEqual(['a', 'b']);
  });
});
