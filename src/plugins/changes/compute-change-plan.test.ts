import { describe, expect, it } from 'vitest';
import { sharedGraphql } from '../composer/shared-graphql.js';
import { computeChangePlan } from './compute-change-plan.js';

const { buildSchema, parse } = sharedGraphql;

const core = parse('type Query { platform: String } type Mutation { noop: Boolean }');
const v1 = parse('type Note { text: String! tag: String } extend type Query { notes: [Note!]! legacy: String }');
const v2 = parse('type Note { text: String! } extend type Query { notes: [Note!]! }');
const live = buildSchema(
  'type Query { platform: String notes: [Note!]! legacy: String } type Mutation { noop: Boolean } type Note { text: String! tag: String }',
);

const base = {
  module: 'notes',
  action: 'UPGRADE' as const,
  from: { version: '1.0.0', permissions: ['notes.view'], collections: ['notes'] },
  to: { version: '1.1.0', permissions: ['notes.view', 'notes.edit'], collections: ['notes', 'tags'] },
  liveSchema: live,
  coreDocument: core,
  dependencies: [],
  licenseRequired: false,
  errors: [],
};

describe('computeChangePlan', () => {
  it('classifies removals as breaking, with usage; only used ones are breakingInUse', async () => {
    const used = new Map([['Note.tag', { coordinate: 'Note.tag', count: 3, lastUsedAt: new Date('2026-01-01') }]]);
    const plan = await computeChangePlan({ ...base, candidateModules: [{ name: 'notes', document: v2 }], usage: used });
    const breaking = plan.schemaChanges.filter((c) => c.level === 'BREAKING').map((c) => c.coordinate);
    expect(breaking.sort()).toEqual(['Note.tag', 'Query.legacy']);
    expect(plan.breakingInUse.map((c) => [c.coordinate, c.usage?.count])).toEqual([['Note.tag', 3]]);
    expect(plan).toMatchObject({ permissionsAdded: ['notes.edit'], collectionsAdded: ['tags'], permissionsRemoved: [], errors: [] });
  });

  it('returns conflicts in errors instead of throwing', async () => {
    const clash = parse('type Note { x: String } extend type Query { other: String }');
    const plan = await computeChangePlan({
      ...base,
      candidateModules: [
        { name: 'notes', document: v1 },
        { name: 'clash', document: clash },
      ],
      usage: new Map(),
    });
    expect(plan.errors.join()).toMatch(/^SCHEMA_CONFLICT: .*Type Note defined by notes and clash/);
    expect(plan.schemaChanges).toEqual([]);
  });
});
