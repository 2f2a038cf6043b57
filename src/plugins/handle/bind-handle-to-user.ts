import { platformError } from '../../errors/index.js';
import type { ModuleHandle, ModuleUser } from '../../sdk/types.js';
import { createLoaderFactory, type LoaderFactory } from './create-loader-factory.js';
import type { PermissionChecks } from './permission-registry.js';

/**
 * The module's handle as one request sees it: `user` is the request's user and `can`/`assertCan`
 * check that user's permissions; `loader` hands out loaders that live as long as the request.
 * Everything else is shared with the module's base handle.
 */
export function bindHandleToUser(base: ModuleHandle, user: ModuleUser | null, permissions: PermissionChecks): ModuleHandle {
  const can = (permission: string) => permissions.holds(user, permission);
  // Built on first use: most requests never ask a module for a loader.
  let loaders: LoaderFactory | undefined;
  const loader: LoaderFactory = (collection, key, options) => {
    loaders ??= createLoaderFactory(base.store, true);
    return loaders(collection, key, options);
  };
  return Object.create(base, {
    loader: { value: loader },
    user: { value: user, enumerable: true },
    can: { value: can },
    assertCan: {
      value(permission: string) {
        if (can(permission)) return;
        if (!user) throw platformError('UNAUTHENTICATED', `Sign in to use ${base.name}: this needs the permission "${permission}".`);
        throw platformError(
          'FORBIDDEN',
          `You need the permission "${permission}" (module ${base.name}); ask an administrator to grant it.`,
        );
      },
    },
  }) as ModuleHandle;
}
