import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldReadBy, fromField, lookupReadBy, READS_FIELD, READS_FIELD_THROUGH } from '../../sdk/from-field.js';
import type { ModuleContextFactory } from './create-module-context-factory.js';
import { wrapModuleResolvers } from './wrap-module-resolvers.js';

const document = parse('type Row { id: ID! note: String } extend type Query { rows: [Row!]! }');
const moduleContext = Object.freeze({ module: {}, user: null, modules: {} });
const contextFor = Object.assign(() => moduleContext, { moduleName: 'rows' }) as unknown as ModuleContextFactory;
const requestContext = { request: { headers: { authorization: 'Bearer secret' } } };

type Resolver = (parent: unknown, args: unknown, context: unknown, info: unknown) => unknown;

describe('wrapModuleResolvers', () => {
  it('gives a module resolver its module context, never the request context', () => {
    const wrapped = wrapModuleResolvers({ Row: { note: (_p: unknown, _a: unknown, context: unknown) => context } }, document, contextFor);
    expect((wrapped.Row as Record<string, Resolver>).note!({}, {}, requestContext, {})).toBe(moduleContext);
  });

  it('replaces a fromField read by the platform’s own: a function claiming to be one never sees a context', () => {
    // A module's own function carrying graphql-jit's mark, which reads its third argument.
    const claims = (_parent: unknown, _args: unknown, context: unknown) => context;
    Object.defineProperty(claims, READS_FIELD, { value: '_id' });
    const wrapped = wrapModuleResolvers({ Row: { id: claims } }, document, contextFor);
    const { resolve: id } = (wrapped.Row as Record<string, { resolve: Resolver }>).id!;
    expect(id).not.toBe(claims);
    expect(fieldReadBy(id)).toBe('_id');
    expect(id({ _id: 'r1' }, {}, requestContext, {})).toBe('r1');
  });

  it('replaces a fromField table read by the platform’s own, with its own copy of the table', () => {
    const table = new Map([['a', 'Alpha']]);
    const claims = (_parent: unknown, _args: unknown, context: unknown) => context;
    Object.defineProperty(claims, READS_FIELD, { value: 'key' });
    Object.defineProperty(claims, READS_FIELD_THROUGH, { value: table });
    const wrapped = wrapModuleResolvers({ Row: { note: claims, id: fromField('key', { a: 'A' }) } }, document, contextFor);
    const { resolve: note } = (wrapped.Row as Record<string, { resolve: Resolver }>).note!;
    expect(note({ key: 'a' }, {}, requestContext, {})).toBe('Alpha');
    table.set('a', 'changed');
    expect(note({ key: 'a' }, {}, requestContext, {})).toBe('Alpha');
    expect(lookupReadBy(note)).not.toBe(table);
    const { resolve: id } = (wrapped.Row as Record<string, { resolve: Resolver }>).id!;
    expect(id({ key: 'a' }, {}, requestContext, {})).toBe('A');
  });
});
