import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AuthUser } from '../auth/types.js';
import type { ModuleInfo } from '../plugins/runtime/index.js';
import type { PlatformContext } from '../server/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** An ISO 8601 date-time in UTC, e.g. 2026-11-25T06:00:00.000Z. */
  DateTime: { input: Date; output: Date };
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown };
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

export type ChangeLevel = 'BREAKING' | 'DANGEROUS' | 'SAFE';

/** What an operation would change, computed without changing anything. */
export type ChangePlan = {
  __typename?: 'ChangePlan';
  action: PlanAction;
  /** Breaking changes to coordinates used within USAGE_RETENTION_DAYS: upgradeModule refuses them unless accepted. */
  breakingInUse: Array<SchemaChange>;
  /** New collections: upgradeModule refuses them unless listed in acceptPermissions. */
  collectionsAdded: Array<Scalars['String']['output']>;
  /** UNINSTALL drops them only with dropData: true. */
  collectionsRemoved: Array<Scalars['String']['output']>;
  dependencies: Array<ModuleDependency>;
  /** Why the operation would fail (e.g. "SCHEMA_CONFLICT: …"); empty when it can run. */
  errors: Array<Scalars['String']['output']>;
  fromVersion: Maybe<Scalars['String']['output']>;
  licenseRequired: Scalars['Boolean']['output'];
  module: Scalars['String']['output'];
  /** New permissions: upgradeModule refuses them unless listed in acceptPermissions. */
  permissionsAdded: Array<Scalars['String']['output']>;
  permissionsRemoved: Array<Scalars['String']['output']>;
  schemaChanges: Array<SchemaChange>;
  toVersion: Maybe<Scalars['String']['output']>;
};

/** How often a schema coordinate was used within USAGE_RETENTION_DAYS. */
export type FieldUsage = {
  __typename?: 'FieldUsage';
  /** Schema coordinate: Type.field, Type.field(arg:), Enum.VALUE, Input.field. */
  coordinate: Scalars['String']['output'];
  count: Scalars['Float']['output'];
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
};

/** version: latest when omitted. */
export type InstallModuleInput = {
  licenseKey?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  version?: InputMaybe<Scalars['String']['input']>;
};

export type LicenseState = 'EXPIRED' | 'INVALID' | 'MISSING' | 'NOT_REQUIRED' | 'REVOKED' | 'VALID';

export type LicenseStatus = {
  __typename?: 'LicenseStatus';
  checkedAt: Maybe<Scalars['DateTime']['output']>;
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  licensee: Maybe<Scalars['String']['output']>;
  seats: Maybe<Scalars['Int']['output']>;
  state: LicenseState;
};

export type LicenseType = 'PER_INSTALLATION' | 'PER_USER' | 'SUBSCRIPTION';

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
  /** Email of the admin who installed it; ADMIN and SUPER_ADMIN only (null for everyone else). */
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
  /** The version before the last upgrade, kept for rollbackModule until the next upgrade. */
  previousVersion: Maybe<Scalars['String']['output']>;
  source: ModuleSource;
  state: ModuleState;
  /** Newest registry version above the installed one (inside updatePin when set). */
  updateAvailable: Maybe<Scalars['String']['output']>;
  /** Why the last allowed automatic update was not applied; null when none is blocked. */
  updateBlocked: Maybe<Scalars['String']['output']>;
  /** Semver range automatic updates stay within. */
  updatePin: Maybe<Scalars['String']['output']>;
  updatePolicy: UpdatePolicy;
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
  /**
   * On a FAILED event: the error's code, as in `errors[].extensions.code` of the mutation (e.g.
   * LICENSE_REQUIRED, DEPENDENTS_ENABLED), so a watcher can tell a refusal from a fault. Null otherwise.
   */
  code: Maybe<Scalars['String']['output']>;
  kind: OperationKind;
  message: Maybe<Scalars['String']['output']>;
  module: Scalars['String']['output'];
  operationId: Scalars['ID']['output'];
  status: OperationStatus;
  step: OperationStep;
  totalBytes: Maybe<Scalars['Float']['output']>;
};

export type ModuleSource = 'BUNDLED' | 'REGISTRY';

/** AVAILABLE = in the registry, not installed. */
export type ModuleState = 'AVAILABLE' | 'DISABLED' | 'ENABLED' | 'FAILED';

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
  /** SUPER_ADMIN. Back to previousVersion; refused when the module's data changed since the upgrade, unless discardNewData. */
  rollbackModule: Module;
  setModuleLicense: Module;
  /** SUPER_ADMIN. pin: a semver range (e.g. "~1.4", "<2.0.0"); null removes it. */
  setModuleUpdatePolicy: Module;
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
  /**
   * SUPER_ADMIN. Refused with BREAKING_CHANGE when breaking changes touch coordinates used within
   * USAGE_RETENTION_DAYS (unless acceptBreakingChanges), and with PERMISSIONS_NOT_ACCEPTED when the
   * new version adds permissions or collections not all listed in acceptPermissions.
   */
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

export type MutationRollbackModuleArgs = {
  discardNewData?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
};

export type MutationSetModuleLicenseArgs = {
  licenseKey: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type MutationSetModuleUpdatePolicyArgs = {
  name: Scalars['String']['input'];
  pin?: InputMaybe<Scalars['String']['input']>;
  policy: UpdatePolicy;
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
  acceptBreakingChanges?: InputMaybe<Scalars['Boolean']['input']>;
  acceptPermissions?: InputMaybe<Array<Scalars['String']['input']>>;
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

export type OperationStatus = 'FAILED' | 'RUNNING' | 'SUCCEEDED';

export type OperationStep = 'ACTIVATE' | 'CLEANUP' | 'DONE' | 'DOWNLOAD' | 'EXTRACT' | 'LICENSE' | 'LOAD' | 'QUEUED' | 'RESOLVE' | 'VERIFY';

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

export type PlanAction = 'DISABLE' | 'ENABLE' | 'INSTALL' | 'UNINSTALL' | 'UPGRADE';

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
  /** ADMIN or SUPER_ADMIN. Recorded usage within the retention window, of one module's coordinates or of all. */
  fieldUsage: Array<FieldUsage>;
  /** The signed-in user, or null without a token. */
  me: Maybe<User>;
  module: Maybe<Module>;
  /** SUPER_ADMIN. The plan of an action (version: INSTALL/UPGRADE target, latest when omitted). */
  moduleChangePlan: ChangePlan;
  /**
   * Signed-in users: bundled + installed + registry modules. The registry's offer comes from a
   * catalog cached for REGISTRY_TTL_SECONDS; `refresh: true` fetches and verifies the catalog now
   * (after `a64 registry publish`, so `latestVersion` and AVAILABLE modules show the new release
   * at once). `refresh: true` needs ADMIN or SUPER_ADMIN (FORBIDDEN otherwise); a registry that
   * cannot be reached still lists from the last good catalog.
   */
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

export type QueryFieldUsageArgs = {
  module?: InputMaybe<Scalars['String']['input']>;
};

export type QueryModuleArgs = {
  name: Scalars['String']['input'];
};

export type QueryModuleChangePlanArgs = {
  action: PlanAction;
  name: Scalars['String']['input'];
  version?: InputMaybe<Scalars['String']['input']>;
};

export type QueryModulesArgs = {
  refresh?: InputMaybe<Scalars['Boolean']['input']>;
};

export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

export type Role = 'ADMIN' | 'SUPER_ADMIN' | 'USER';

export type RolePermissions = {
  __typename?: 'RolePermissions';
  permissions: Array<Scalars['String']['output']>;
  role: Role;
};

/** One difference between the live schema and the candidate, with its recorded usage. */
export type SchemaChange = {
  __typename?: 'SchemaChange';
  coordinate: Maybe<Scalars['String']['output']>;
  level: ChangeLevel;
  message: Scalars['String']['output'];
  /** Null when the coordinate was not used within the retention window. */
  usage: Maybe<FieldUsage>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** SUPER_ADMIN; progress of every module operation. */
  moduleEvents: ModuleEvent;
};

/** MANUAL (default): never updated on its own. PATCH: x.y.* releases. MINOR: x.*.* releases. */
export type UpdatePolicy = 'MANUAL' | 'MINOR' | 'PATCH';

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
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
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

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditPage: ResolverTypeWrapper<AuditPage>;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChangeLevel: ChangeLevel;
  ChangePlan: ResolverTypeWrapper<ChangePlan>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FieldUsage: ResolverTypeWrapper<FieldUsage>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  InstallModuleInput: InstallModuleInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LicenseState: LicenseState;
  LicenseStatus: ResolverTypeWrapper<LicenseStatus>;
  LicenseType: LicenseType;
  Module: ResolverTypeWrapper<ModuleInfo>;
  ModuleDependency: ResolverTypeWrapper<ModuleDependency>;
  ModuleEvent: ResolverTypeWrapper<ModuleEvent>;
  ModuleSource: ModuleSource;
  ModuleState: ModuleState;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OperationKind: OperationKind;
  OperationStatus: OperationStatus;
  OperationStep: OperationStep;
  Permission: ResolverTypeWrapper<Permission>;
  PlanAction: PlanAction;
  PlatformInfo: ResolverTypeWrapper<PlatformInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  RolePermissions: ResolverTypeWrapper<RolePermissions>;
  SchemaChange: ResolverTypeWrapper<SchemaChange>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdatePolicy: UpdatePolicy;
  UpdateUserInput: UpdateUserInput;
  User: ResolverTypeWrapper<AuthUser>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntry;
  AuditPage: AuditPage;
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  Boolean: Scalars['Boolean']['output'];
  ChangePlan: ChangePlan;
  DateTime: Scalars['DateTime']['output'];
  FieldUsage: FieldUsage;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  InstallModuleInput: InstallModuleInput;
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  LicenseStatus: LicenseStatus;
  Module: ModuleInfo;
  ModuleDependency: ModuleDependency;
  ModuleEvent: ModuleEvent;
  Mutation: Record<PropertyKey, never>;
  Permission: Permission;
  PlatformInfo: PlatformInfo;
  Query: Record<PropertyKey, never>;
  RolePermissions: RolePermissions;
  SchemaChange: SchemaChange;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  UpdateUserInput: UpdateUserInput;
  User: AuthUser;
};

export type AuditEntryResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry'],
> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  details?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  module?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditPageResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['AuditPage'] = ResolversParentTypes['AuditPage'],
> = {
  entries?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuthPayloadResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload'],
> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type ChangePlanResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['ChangePlan'] = ResolversParentTypes['ChangePlan'],
> = {
  action?: Resolver<ResolversTypes['PlanAction'], ParentType, ContextType>;
  breakingInUse?: Resolver<Array<ResolversTypes['SchemaChange']>, ParentType, ContextType>;
  collectionsAdded?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  collectionsRemoved?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  dependencies?: Resolver<Array<ResolversTypes['ModuleDependency']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  fromVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  licenseRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  module?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permissionsAdded?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  permissionsRemoved?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  schemaChanges?: Resolver<Array<ResolversTypes['SchemaChange']>, ParentType, ContextType>;
  toVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FieldUsageResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['FieldUsage'] = ResolversParentTypes['FieldUsage'],
> = {
  coordinate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LicenseStatusResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['LicenseStatus'] = ResolversParentTypes['LicenseStatus'],
> = {
  checkedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  licensee?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  seats?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['LicenseState'], ParentType, ContextType>;
};

export type ModuleResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['Module'] = ResolversParentTypes['Module'],
> = {
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
  previousVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ModuleSource'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ModuleState'], ParentType, ContextType>;
  updateAvailable?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updateBlocked?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatePin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatePolicy?: Resolver<ResolversTypes['UpdatePolicy'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModuleDependencyResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['ModuleDependency'] = ResolversParentTypes['ModuleDependency'],
> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  range?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  satisfied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ModuleEventResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['ModuleEvent'] = ResolversParentTypes['ModuleEvent'],
> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  bytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OperationKind'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  module?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OperationStatus'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['OperationStep'], ParentType, ContextType>;
  totalBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = {
  changePassword?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>
  >;
  createUser?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateUserArgs, 'email' | 'password' | 'role'>
  >;
  deleteUser?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteUserArgs, 'id'>>;
  disableModule?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationDisableModuleArgs, 'name'>>;
  enableModule?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationEnableModuleArgs, 'name'>>;
  grantPermissions?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationGrantPermissionsArgs, 'permissions' | 'userId'>
  >;
  installModule?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationInstallModuleArgs, 'input'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  revokePermissions?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationRevokePermissionsArgs, 'permissions' | 'userId'>
  >;
  rollbackModule?: Resolver<
    ResolversTypes['Module'],
    ParentType,
    ContextType,
    RequireFields<MutationRollbackModuleArgs, 'discardNewData' | 'name'>
  >;
  setModuleLicense?: Resolver<
    ResolversTypes['Module'],
    ParentType,
    ContextType,
    RequireFields<MutationSetModuleLicenseArgs, 'licenseKey' | 'name'>
  >;
  setModuleUpdatePolicy?: Resolver<
    ResolversTypes['Module'],
    ParentType,
    ContextType,
    RequireFields<MutationSetModuleUpdatePolicyArgs, 'name' | 'policy'>
  >;
  setRolePermissions?: Resolver<
    ResolversTypes['RolePermissions'],
    ParentType,
    ContextType,
    RequireFields<MutationSetRolePermissionsArgs, 'permissions' | 'role'>
  >;
  setUserPassword?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationSetUserPasswordArgs, 'id' | 'password'>
  >;
  uninstallModule?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationUninstallModuleArgs, 'dropData' | 'name'>
  >;
  updateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'id' | 'input'>>;
  upgradeModule?: Resolver<
    ResolversTypes['Module'],
    ParentType,
    ContextType,
    RequireFields<MutationUpgradeModuleArgs, 'acceptBreakingChanges' | 'name'>
  >;
};

export type PermissionResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['Permission'] = ResolversParentTypes['Permission'],
> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  module?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
};

export type PlatformInfoResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['PlatformInfo'] = ResolversParentTypes['PlatformInfo'],
> = {
  installationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  schemaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  auditLog?: Resolver<ResolversTypes['AuditPage'], ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'limit'>>;
  fieldUsage?: Resolver<Array<ResolversTypes['FieldUsage']>, ParentType, ContextType, Partial<QueryFieldUsageArgs>>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  module?: Resolver<Maybe<ResolversTypes['Module']>, ParentType, ContextType, RequireFields<QueryModuleArgs, 'name'>>;
  moduleChangePlan?: Resolver<
    ResolversTypes['ChangePlan'],
    ParentType,
    ContextType,
    RequireFields<QueryModuleChangePlanArgs, 'action' | 'name'>
  >;
  modules?: Resolver<Array<ResolversTypes['Module']>, ParentType, ContextType, RequireFields<QueryModulesArgs, 'refresh'>>;
  permissions?: Resolver<Array<ResolversTypes['Permission']>, ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['PlatformInfo'], ParentType, ContextType>;
  rolePermissions?: Resolver<Array<ResolversTypes['RolePermissions']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
};

export type RolePermissionsResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['RolePermissions'] = ResolversParentTypes['RolePermissions'],
> = {
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type SchemaChangeResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['SchemaChange'] = ResolversParentTypes['SchemaChange'],
> = {
  coordinate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['ChangeLevel'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['FieldUsage']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<
  ContextType = PlatformContext,
  ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription'],
> = {
  moduleEvents?: SubscriptionResolver<ResolversTypes['ModuleEvent'], 'moduleEvents', ParentType, ContextType>;
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
  ChangePlan?: ChangePlanResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FieldUsage?: FieldUsageResolvers<ContextType>;
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
  SchemaChange?: SchemaChangeResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};
