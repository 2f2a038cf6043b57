import { badInput, fromField, type ModuleContext, withPermission } from 'a64-platform/sdk';
import { applyMovement } from './apply-movement.js';
import { collections, type ItemDoc, type MovementDoc } from './documents.js';
import { CreateItemInput, UpdateItemInput } from './inputs.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { parseInput } from './parse-input.js';

async function createItem(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  const input = parseInput(CreateItemInput, args.input);
  const { items } = collections(module);
  if (await items.findOne({ sku: input.sku })) throw badInput('sku', `an item with SKU "${input.sku}" already exists; SKUs are unique`);
  const now = new Date().toISOString();
  const item = await items
    .insertOne({
      sku: input.sku,
      name: input.name,
      quantity: 0,
      unit: input.unit,
      location: input.location ?? null,
      lowStockThreshold: input.lowStockThreshold ?? 0,
      createdAt: now,
      updatedAt: now,
    })
    .catch((error: unknown) => {
      if (isDuplicateKey(error)) throw badInput('sku', `an item with SKU "${input.sku}" already exists; SKUs are unique`);
      throw error;
    });
  if (!input.quantity) return item;
  // Opening stock is a movement too, so the ledger always sums to the quantity.
  return (await applyMovement(module, { sku: item.sku, delta: input.quantity, reason: 'OPENING', createdBy: module.user?.email ?? null }))
    .item;
}

async function updateItem(_: unknown, args: { sku: string; input: unknown }, { module }: ModuleContext) {
  const input = parseInput(UpdateItemInput, args.input);
  const set: Record<string, unknown> = { updatedAt: new Date().toISOString() };
  for (const [key, value] of Object.entries(input)) if (value !== undefined) set[key] = value;
  const item = await collections(module).items.findOneAndUpdate({ sku: args.sku }, { $set: set }, { returnDocument: 'after' });
  if (!item) throw badInput('sku', `no item with SKU "${args.sku}"`);
  return item;
}

async function deleteItem(_: unknown, args: { sku: string }, { module }: ModuleContext) {
  const { items } = collections(module);
  const item = await items.findOne({ sku: args.sku });
  if (!item) throw badInput('sku', `no item with SKU "${args.sku}"`);
  if (item.quantity > 0) throw badInput('sku', `${item.quantity} ${item.unit} still in stock; book it out with adjustStock first`);
  await items.deleteOne({ _id: item._id, quantity: 0 });
  return true;
}

function listItems(_: unknown, args: { search?: string | null; location?: string | null }, { module }: ModuleContext) {
  const filter: Record<string, unknown> = {};
  if (args.location) filter.location = args.location;
  if (args.search) {
    const pattern = args.search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    filter.$or = [{ sku: { $regex: pattern, $options: 'i' } }, { name: { $regex: pattern, $options: 'i' } }];
  }
  return collections(module).items.find(filter, { sort: { sku: 1 }, readOnly: true });
}

async function lowStockItems(_: unknown, __: unknown, { module }: ModuleContext) {
  // The threshold is per item, so the comparison happens here rather than in the filter.
  const all = await collections(module).items.find({}, { sort: { sku: 1 } });
  return all.filter((item) => item.quantity <= item.lowStockThreshold);
}

export const itemQueries = {
  inventoryItems: withPermission('inventory.view', listItems),
  inventoryItem: withPermission('inventory.view', (_: unknown, args: { sku: string }, { module }: ModuleContext) =>
    collections(module).items.findOne({ sku: args.sku }),
  ),
  lowStockItems: withPermission('inventory.view', lowStockItems),
};

export const itemMutations = {
  createInventoryItem: withPermission('inventory.edit', createItem),
  updateInventoryItem: withPermission('inventory.edit', updateItem),
  deleteInventoryItem: withPermission('inventory.edit', deleteItem),
};

export const itemFields = {
  id: fromField('_id'),
  isLowStock: (item: ItemDoc) => item.quantity <= item.lowStockThreshold,
  // Batched: every item of a list costs one read together (the limit applies per item).
  movements: (item: ItemDoc, args: { limit?: number | null }, { module }: ModuleContext) =>
    module
      .loader<MovementDoc>('stock_movements', 'itemId', { sort: { createdAt: -1 }, limit: Math.min(Math.max(args.limit ?? 50, 1), 500) })
      .load(item._id),
};
