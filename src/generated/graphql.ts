import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AuthUser } from '../auth/types.js';
import type { PlatformContext } from '../server/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 date-time in UTC, e.g. 2026-11-25T06:00:00.000Z. */
  DateTime: { input: Date; output: Date; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
};

export type AuditEntry = {
  __typename?: 'AuditEntry';
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  details: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  module: Maybe<Scalars['String']['output']>;
  outcome: Scalars['String']['output'];
};

export type AuditPage = {
  __typename?: 'AuditPage';
  entries: Array<AuditEntry>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  expiresAt: Scalars['DateTime']['output'];
  /** Send as `Authorization: Bearer <token>`. */
  token: Scalars['String']['output'];
  user: User;
};

/** version: latest when omitted. */
export type InstallModuleInput = {
  licenseKey?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  version?: InputMaybe<Scalars['String']['input']>;
};

export type LicenseState =
  | 'EXPIRED'
  | 'INVALID'
  | 'MISSING'
  | 'NOT_REQUIRED'
  | 'REVOKED'
  | 'VALID';

export type LicenseStatus = {
  __typename?: 'LicenseStatus';
  checkedAt: Maybe<Scalars['DateTime']['output']>;
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  licensee: Maybe<Scalars['String']['output']>;
  seats: Maybe<Scalars['Int']['output']>;
  state: LicenseState;
};

export type LicenseType =
  | 'PER_INSTALLATION'
  | 'PER_USER'
  | 'SUBSCRIPTION';

export type Module = {
  __typename?: 'Module';
  author: Maybe<Scalars['String']['output']>;
  availableVersions: Array<Scalars['String']['output']>;
  collections: Array<Scalars['String']['output']>;
  dependencies: Array<ModuleDependency>;
  description: Scalars['String']['output'];
  displayName: Scalars['String']['output'];
  enabled: Scalars['Boolean']['output'];
  installed: Scalars['Boolean']['output'];
  installedAt: Maybe<Scalars['DateTime']['output']>;
  installedBy: Maybe<Scalars['String']['output']>;
  lastLoadedAt: Maybe<Scalars['DateTime']['output']>;
  /** Newest version the registry offers. */
  latestVersion: Maybe<Scalars['String']['output']>;
  /** Never the key itself. */
  license: Maybe<LicenseStatus>;
  licenseRequired: Scalars['Boolean']['output'];
  licenseType: Maybe<LicenseType>;
  loadError: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  permissions: Array<Scalars['String']['output']>;
  source: ModuleSource;
  state: ModuleState;
  /** Installed or bundled version; null while only AVAILABLE. */
  version: Maybe<Scalars['String']['output']>;
};

export type ModuleDependency = {
  __typename?: 'ModuleDependency';
  name: Scalars['String']['output'];
  range: Scalars['String']['output'];
  satisfied: Scalars['Boolean']['output'];
};

export type ModuleEvent = {
  __typename?: 'ModuleEvent';
  at: Scalars['DateTime']['output'];
  bytes: Maybe<Scalars['Float']['output']>;
  kind: OperationKind;
  message: Maybe<Scalars['String']['output']>;
  module: Scalars['String']['output'];
  operationId: Scalars['ID']['output'];
  status: OperationStatus;
  step: OperationStep;
  totalBytes: Maybe<Scalars['Float']['output']>;
};

export type ModuleSource =
  | 'BUNDLED'
  | 'REGISTRY';

/** AVAILABLE = in the registry, not installed. */
export type ModuleState =
  | 'AVAILABLE'
  | 'DISABLED'
  | 'ENABLED'
  | 'FAILED';

export type Mutation = {
  __typename?: 'Mutation';
  /** The signed-in user. Every token issued before stops working, this one included: sign in again. */
  changePassword: Scalars['Boolean']['output'];
  /**
   * SUPER_ADMIN (any role); ADMIN (role USER only). Passwords: 10+ characters and not easy to
   * guess; emails are unique.
   */
  createUser: User;
  /** SUPER_ADMIN. Nobody deletes themselves or the last enabled SUPER_ADMIN. */
  deleteUser: Scalars['Boolean']['output'];
  disableModule: Module;
  enableModule: Module;
  /**
   * SUPER_ADMIN (ADMIN and USER accounts); ADMIN (USER accounts only). Permissions must be declared
   * by an installed module; PER_USER licenses limit how many users may hold a module's permissions.
   */
  grantPermissions: User;
  /** Resolves when the module is ENABLED and live. SUPER_ADMIN. */
  installModule: Module;
  /**
   * Anyone. Wrong email, wrong password and a disabled account give the same UNAUTHENTICATED error.
   * Failed sign-ins are throttled per account and per client address: RATE_LIMITED with
   * extensions.retryAfterSeconds.
   */
  login: AuthPayload;
  /** Same callers as grantPermissions. Applies to the user's very next request. */
  revokePermissions: User;
  setModuleLicense: Module;
  /** SUPER_ADMIN. Sets ADMIN's or USER's permissions (ADMIN holds every module permission until set). */
  setRolePermissions: RolePermissions;
  /** SUPER_ADMIN; ADMIN for USER accounts. Every token of that user issued before stops working. */
  setUserPassword: Scalars['Boolean']['output'];
  uninstallModule: Scalars['Boolean']['output'];
  /**
   * SUPER_ADMIN (anyone); ADMIN (USER accounts, role USER only). The last enabled SUPER_ADMIN
   * cannot be disabled or demoted. Applies to the user's very next request.
   */
  updateUser: User;
  upgradeModule: Module;
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationCreateUserArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  role: Role;
};


export type MutationDeleteUserArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisableModuleArgs = {
  name: Scalars['String']['input'];
};


export type MutationEnableModuleArgs = {
  name: Scalars['String']['input'];
};


export type MutationGrantPermissionsArgs = {
  permissions: Array<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};


export type MutationInstallModuleArgs = {
  input: InstallModuleInput;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationRevokePermissionsArgs = {
  permissions: Array<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};


export type MutationSetModuleLicenseArgs = {
  licenseKey: Scalars['String']['input'];
  name: Scalars['String']['input'];
};


export type MutationSetRolePermissionsArgs = {
  permissions: Array<Scalars['String']['input']>;
  role: Role;
};


export type MutationSetUserPasswordArgs = {
  id: Scalars['ID']['input'];
  password: Scalars['String']['input'];
};


export type MutationUninstallModuleArgs = {
  dropData?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


export type MutationUpgradeModuleArgs = {
  licenseKey?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  version?: InputMaybe<Scalars['String']['input']>;
};

export type OperationKind =
  | 'DISABLE'
  | 'ENABLE'
  | 'INSTALL'
  /** setModuleLicense (a new or renewed key), under the module's lock like every operation. */
  | 'LICENSE'
  | 'UNINSTALL'
  | 'UPGRADE';

export type OperationStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type OperationStep =
  | 'ACTIVATE'
  | 'CLEANUP'
  | 'DONE'
  | 'DOWNLOAD'
  | 'EXTRACT'
  | 'LICENSE'
  | 'LOAD'
  | 'QUEUED'
  | 'RESOLVE'
  | 'VERIFY';

/** A permission an installed module declares. */
export type Permission = {
  __typename?: 'Permission';
  description: Maybe<Scalars['String']['output']>;
  /** The module that declares it. */
  module: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The roles holding it (grants to single users are not counted here). */
  roles: Array<Role>;
};

export type PlatformInfo = {
  __typename?: 'PlatformInfo';
  installationId: Scalars['ID']['output'];
  /** Increases by one each time the live schema is swapped. */
  schemaVersion: Scalars['Int']['output'];
  startedAt: Scalars['DateTime']['output'];
  version: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** SUPER_ADMIN. */
  auditLog: AuditPage;
  /** The signed-in user, or null without a token. */
  me: Maybe<User>;
  module: Maybe<Module>;
  /** Signed-in users: bundled + installed + registry modules. */
  modules: Array<Module>;
  /** ADMIN or SUPER_ADMIN: every permission that installed modules declare. */
  permissions: Array<Permission>;
  platform: PlatformInfo;
  /** ADMIN or SUPER_ADMIN: the permissions each role holds. */
  rolePermissions: Array<RolePermissions>;
  /** ADMIN or SUPER_ADMIN; null when no user has this id. */
  user: Maybe<User>;
  /** ADMIN or SUPER_ADMIN. */
  users: Array<User>;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  module?: InputMaybe<Scalars['String']['input']>;
};


export type QueryModuleArgs = {
  name: Scalars['String']['input'];
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

export type Role =
  | 'ADMIN'
  | 'SUPER_ADMIN'
  | 'USER';

export type RolePermissions = {
  __typename?: 'RolePermissions';
  permissions: Array<Scalars['String']['output']>;
  role: Role;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** SUPER_ADMIN; progress of every module operation. */
  moduleEvents: ModuleEvent;
};

/** Fields left out stay as they are. */
export type UpdateUserInput = {
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  role?: InputMaybe<Role>;
};

export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  /** A disabled user cannot sign in, and their tokens stop working at once. */
  disabled: Scalars['Boolean']['output'];
  email: Scalars['String']['output'];
  /** Given to this user directly (grantPermissions). */
  grants: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastLoginAt: Maybe<Scalars['DateTime']['output']>;
  /** Effective: the role's permissions ∪ grants (SUPER_ADMIN: every permission). */
  permissions: Array<Scalars['String']['output']>;
  role: Role;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditPage: ResolverTypeWrapper<AuditPage>;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  InstallModuleInput: InstallModuleInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LicenseState: LicenseState;
  LicenseStatus: ResolverTypeWrapper<LicenseStatus>;
  LicenseType: LicenseType;
  Module: ResolverTypeWrapper<Module>;
  ModuleDependency: ResolverTypeWrapper<ModuleDependency>;
  ModuleEvent: ResolverTypeWrapper<ModuleEvent>;
  ModuleSource: ModuleSource;
  ModuleState: ModuleState;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OperationKind: OperationKind;
  OperationStatus: OperationStatus;
  OperationStep: OperationStep;
  Permission: ResolverTypeWrapper<Permission>;
  PlatformInfo: ResolverTypeWrapper<PlatformInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  RolePermissions: ResolverTypeWrapper<RolePermissions>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdateUserInput: UpdateUserInput;
  User: ResolverTypeWrapper<AuthUser>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntry;
  AuditPage: AuditPage;
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  InstallModuleInput: InstallModuleInput;
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  LicenseStatus: LicenseStatus;
  Module: Module;
  ModuleDependency: ModuleDependency;
  ModuleEvent: ModuleEvent;
  Mutation: Record<PropertyKey, never>;
  Permission: Permission;
  PlatformInfo: PlatformInfo;
  Query: Record<PropertyKey, never>;
  RolePermissions: RolePermissions;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  UpdateUserInput: UpdateUserInput;
  User: AuthUser;
};

export type AuditEntryResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  details?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  module?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditPageResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['AuditPage'] = ResolversParentTypes['AuditPage']> = {
  entries?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuthPayloadResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LicenseStatusResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['LicenseStatus'] = ResolversParentTypes['LicenseStatus']> = {
  checkedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  licensee?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  seats?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['LicenseState'], ParentType, ContextType>;
};

export type ModuleResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Module'] = ResolversParentTypes['Module']> = {
  author?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  availableVersions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  collections?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  dependencies?: Resolver<Array<ResolversTypes['ModuleDependency']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  installed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  installedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  installedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastLoadedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  latestVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  license?: Resolver<Maybe<ResolversTypes['LicenseStatus']>, ParentType, ContextType>;
  licenseRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  licenseType?: Resolver<Maybe<ResolversTypes['LicenseType']>, ParentType, ContextType>;
  loadError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ModuleSource'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ModuleState'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModuleDependencyResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['ModuleDependency'] = ResolversParentTypes['ModuleDependency']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  range?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  satisfied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ModuleEventResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['ModuleEvent'] = ResolversParentTypes['ModuleEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  bytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OperationKind'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  module?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OperationStatus'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['OperationStep'], ParentType, ContextType>;
  totalBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  createUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'email' | 'password' | 'role'>>;
  deleteUser?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteUserArgs, 'id'>>;
  disableModule?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationDisableModuleArgs, 'name'>>;
  enableModule?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationEnableModuleArgs, 'name'>>;
  grantPermissions?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationGrantPermissionsArgs, 'permissions' | 'userId'>>;
  installModule?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationInstallModuleArgs, 'input'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  revokePermissions?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationRevokePermissionsArgs, 'permissions' | 'userId'>>;
  setModuleLicense?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationSetModuleLicenseArgs, 'licenseKey' | 'name'>>;
  setRolePermissions?: Resolver<ResolversTypes['RolePermissions'], ParentType, ContextType, RequireFields<MutationSetRolePermissionsArgs, 'permissions' | 'role'>>;
  setUserPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationSetUserPasswordArgs, 'id' | 'password'>>;
  uninstallModule?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationUninstallModuleArgs, 'dropData' | 'name'>>;
  updateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'id' | 'input'>>;
  upgradeModule?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationUpgradeModuleArgs, 'name'>>;
};

export type PermissionResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Permission'] = ResolversParentTypes['Permission']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  module?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
};

export type PlatformInfoResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['PlatformInfo'] = ResolversParentTypes['PlatformInfo']> = {
  installationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  schemaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  auditLog?: Resolver<ResolversTypes['AuditPage'], ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'limit'>>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  module?: Resolver<Maybe<ResolversTypes['Module']>, ParentType, ContextType, RequireFields<QueryModuleArgs, 'name'>>;
  modules?: Resolver<Array<ResolversTypes['Module']>, ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['Permission']>, ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['PlatformInfo'], ParentType, ContextType>;
  rolePermissions?: Resolver<Array<ResolversTypes['RolePermissions']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
};

export type RolePermissionsResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['RolePermissions'] = ResolversParentTypes['RolePermissions']> = {
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  moduleEvents?: SubscriptionResolver<ResolversTypes['ModuleEvent'], "moduleEvents", ParentType, ContextType>;
};

export type UserResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  disabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grants?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastLoginAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type Resolvers<ContextType = PlatformContext> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditPage?: AuditPageResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  LicenseStatus?: LicenseStatusResolvers<ContextType>;
  Module?: ModuleResolvers<ContextType>;
  ModuleDependency?: ModuleDependencyResolvers<ContextType>;
  ModuleEvent?: ModuleEventResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Permission?: PermissionResolvers<ContextType>;
  PlatformInfo?: PlatformInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RolePermissions?: RolePermissionsResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

