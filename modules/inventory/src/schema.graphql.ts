/** Inventory's SDL. */
export const typeDefs = /* GraphQL */ `
  enum StockMovementReason {
    OPENING
    PURCHASE
    SALE
    HARVEST
    ADJUSTMENT
    WASTE
    TRANSFER
    RETURN
  }

  type InventoryItem {
    id: ID!
    sku: String!
    name: String!
    """Never negative."""
    quantity: Float!
    unit: String!
    location: String
    lowStockThreshold: Float!
    """quantity <= lowStockThreshold."""
    isLowStock: Boolean!
    """Newest first."""
    movements(limit: Int = 50): [StockMovement!]!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type StockMovement {
    id: ID!
    item: InventoryItem
    sku: String!
    """Positive adds stock, negative removes it."""
    delta: Float!
    quantityAfter: Float!
    reason: StockMovementReason!
    note: String
    """Farm Manager harvest and block this stock came from (HARVEST movements)."""
    harvestId: ID
    blockId: ID
    """True when this movement brought the item down to its low-stock threshold."""
    triggeredLowStock: Boolean!
    createdAt: DateTime!
    createdBy: String
  }

  input CreateInventoryItemInput {
    sku: String!
    name: String!
    """Opening stock, recorded as an OPENING movement; defaults to 0."""
    quantity: Float
    unit: String!
    location: String
    """Defaults to 0."""
    lowStockThreshold: Float
  }
  input UpdateInventoryItemInput {
    name: String
    unit: String
    location: String
    lowStockThreshold: Float
  }
  input AdjustStockInput {
    sku: String!
    delta: Float!
    reason: StockMovementReason!
    note: String
  }
  input RecordHarvestIntoStockInput {
    """A Farm Manager block in state HARVESTING."""
    blockId: ID!
    """An item measured in kg."""
    sku: String!
    """Kilograms harvested."""
    quantity: Float!
    """A, B, C or REJECT (Farm Manager's HarvestQuality); defaults to A."""
    quality: String
    note: String
  }

  extend type Query {
    """inventory.view. Sorted by SKU."""
    inventoryItems(search: String, location: String): [InventoryItem!]!
    """inventory.view."""
    inventoryItem(sku: String!): InventoryItem
    """inventory.view. Items at or below their low-stock threshold."""
    lowStockItems: [InventoryItem!]!
    """inventory.view. Newest first."""
    stockMovements(sku: String, limit: Int = 50): [StockMovement!]!
  }

  extend type Mutation {
    """inventory.edit. SKUs are unique."""
    createInventoryItem(input: CreateInventoryItemInput!): InventoryItem!
    """inventory.edit. Quantity changes only through stock movements."""
    updateInventoryItem(sku: String!, input: UpdateInventoryItemInput!): InventoryItem!
    """inventory.edit. Only items with no stock left."""
    deleteInventoryItem(sku: String!): Boolean!
    """inventory.edit. Refused when it would make stock negative."""
    adjustStock(input: AdjustStockInput!): StockMovement!
    """inventory.edit and farm.manage_blocks. Records the harvest in Farm Manager and adds it to stock."""
    recordHarvestIntoStock(input: RecordHarvestIntoStockInput!): StockMovement!
  }
`;
