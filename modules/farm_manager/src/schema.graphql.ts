/** Farm Manager's SDL. Type names are distinctive (FarmBlock, FarmAlert) so they never clash with core or other modules. */
export const typeDefs = /* GraphQL */ `
  """Where a farm is, in WGS 84 degrees."""
  type FarmLocation {
    latitude: Float!
    longitude: Float!
  }

  type Farm {
    id: ID!
    name: String!
    location: FarmLocation
    areaHectares: Float!
    manager: String
    active: Boolean!
    notes: String
    createdAt: DateTime!
    updatedAt: DateTime!
    blocks(state: FarmBlockState): [FarmBlock!]!
    blockCount: Int!
    harvestTotal: HarvestTotal!
  }

  type FarmPage {
    items: [Farm!]!
    """Pass as after to get the next page; null on the last page."""
    nextCursor: String
    totalCount: Int!
  }

  """The crop cycle of a block: EMPTY → PLANTED → GROWING → HARVESTING → FALLOW → EMPTY."""
  enum FarmBlockState {
    EMPTY
    PLANTED
    GROWING
    HARVESTING
    FALLOW
  }

  type FarmBlock {
    id: ID!
    farm: Farm
    farmId: ID!
    name: String!
    areaHectares: Float!
    state: FarmBlockState!
    """States this block may move to next."""
    allowedNextStates: [FarmBlockState!]!
    plant: PlantData
    plantingDate: DateTime
    expectedHarvestDate: DateTime
    """Expected yield of the current cycle: plant yield per hectare × area."""
    expectedYieldKg: Float
    stateChangedAt: DateTime!
    cycle: Int!
    harvests: [Harvest!]!
    """Totals of the current cycle."""
    harvestTotal: HarvestTotal!
    archives: [BlockArchive!]!
    createdAt: DateTime!
  }

  enum PlantWaterNeed {
    LOW
    MEDIUM
    HIGH
  }
  enum PlantSunlight {
    FULL_SUN
    PARTIAL_SHADE
    SHADE
  }

  type PlantGrowingConditions {
    minTemperatureC: Float!
    maxTemperatureC: Float!
    soilPhMin: Float!
    soilPhMax: Float!
    water: PlantWaterNeed!
    sunlight: PlantSunlight!
  }

  type PlantData {
    id: ID!
    cropName: String!
    variety: String!
    daysToMaturity: Int!
    expectedYieldKgPerHectare: Float!
    growingConditions: PlantGrowingConditions!
  }

  enum HarvestQuality {
    A
    B
    C
    REJECT
  }

  type Harvest {
    id: ID!
    block: FarmBlock
    blockId: ID!
    farmId: ID!
    plant: PlantData
    cycle: Int!
    quantityKg: Float!
    quality: HarvestQuality!
    harvestedAt: DateTime!
    notes: String
    recordedBy: String
  }

  type HarvestTotal {
    quantityKg: Float!
    count: Int!
  }

  """A finished crop cycle of a block, with its yield."""
  type BlockArchive {
    id: ID!
    blockId: ID!
    farmId: ID!
    cycle: Int!
    plant: PlantData
    cropName: String
    areaHectares: Float!
    plantingDate: DateTime
    expectedHarvestDate: DateTime
    archivedAt: DateTime!
    expectedYieldKg: Float!
    actualYieldKg: Float!
    harvestCount: Int!
    notes: String
  }

  enum FarmAlertType {
    HARVEST_OVERDUE
    BLOCK_IDLE
    MANUAL
  }
  enum FarmAlertSeverity {
    INFO
    WARNING
    CRITICAL
  }
  enum FarmAlertStatus {
    OPEN
    ACKNOWLEDGED
    RESOLVED
  }

  type FarmAlert {
    id: ID!
    farmId: ID!
    farm: Farm
    blockId: ID
    block: FarmBlock
    type: FarmAlertType!
    severity: FarmAlertSeverity!
    status: FarmAlertStatus!
    message: String!
    createdAt: DateTime!
    acknowledgedAt: DateTime
    acknowledgedBy: String
    resolvedAt: DateTime
    resolvedBy: String
  }

  enum YieldGroupBy {
    FARM
    BLOCK
    CROP
  }

  type YieldRow {
    """Farm id, block id or crop name, by groupBy."""
    key: String!
    label: String!
    actualKg: Float!
    expectedKg: Float!
    """actual − expected."""
    varianceKg: Float!
    """actual / expected × 100; null when nothing was expected."""
    achievedPercent: Float
    harvestCount: Int!
  }

  type YieldReport {
    from: DateTime!
    to: DateTime!
    groupBy: YieldGroupBy!
    rows: [YieldRow!]!
    totalActualKg: Float!
    totalExpectedKg: Float!
  }

  input FarmLocationInput {
    latitude: Float!
    longitude: Float!
  }
  input CreateFarmInput {
    name: String!
    location: FarmLocationInput
    areaHectares: Float!
    manager: String
    active: Boolean
    notes: String
  }
  input UpdateFarmInput {
    name: String
    location: FarmLocationInput
    areaHectares: Float
    manager: String
    active: Boolean
    notes: String
  }
  input FarmFilter {
    """Case-insensitive part of the name."""
    search: String
    active: Boolean
    manager: String
  }
  input CreateFarmBlockInput {
    farmId: ID!
    name: String!
    areaHectares: Float!
    notes: String
  }
  input UpdateFarmBlockInput {
    name: String
    areaHectares: Float
    notes: String
  }
  input ChangeFarmBlockStateInput {
    state: FarmBlockState!
    """Required when planting (→ PLANTED)."""
    plantId: ID
    """When planting; defaults to now."""
    plantingDate: DateTime
    """When planting; defaults to plantingDate + the plant's daysToMaturity."""
    expectedHarvestDate: DateTime
  }
  input PlantGrowingConditionsInput {
    minTemperatureC: Float!
    maxTemperatureC: Float!
    soilPhMin: Float!
    soilPhMax: Float!
    water: PlantWaterNeed!
    sunlight: PlantSunlight!
  }
  input CreatePlantDataInput {
    cropName: String!
    variety: String!
    daysToMaturity: Int!
    expectedYieldKgPerHectare: Float!
    growingConditions: PlantGrowingConditionsInput!
  }
  input RecordHarvestInput {
    blockId: ID!
    quantityKg: Float!
    """Defaults to A."""
    quality: HarvestQuality
    """Defaults to now; must not be before the planting date or in the future."""
    harvestedAt: DateTime
    notes: String
  }
  input CreateFarmAlertInput {
    farmId: ID!
    blockId: ID
    severity: FarmAlertSeverity
    message: String!
  }
  input YieldAnalyticsInput {
    from: DateTime!
    to: DateTime!
    groupBy: YieldGroupBy!
    farmId: ID
  }

  extend type Query {
    """farm.view. Newest last; pages of at most 100."""
    farms(filter: FarmFilter, first: Int = 20, after: String): FarmPage!
    """farm.view. Null when there is no such farm (or it was deleted)."""
    farm(id: ID!): Farm
    """farm.view."""
    farmBlock(id: ID!): FarmBlock
    """farm.view. Crops blocks can be planted with."""
    plantData(search: String): [PlantData!]!
    """farm.view. Harvests of a block or a farm, optionally within [from, to]."""
    harvests(blockId: ID, farmId: ID, from: DateTime, to: DateTime): [Harvest!]!
    """farm.view. Totals of all harvests of a block or a farm (every cycle)."""
    harvestTotal(blockId: ID, farmId: ID): HarvestTotal!
    """farm.view."""
    blockArchives(blockId: ID, farmId: ID): [BlockArchive!]!
    """farm.view. Newest first."""
    farmAlerts(status: FarmAlertStatus, farmId: ID): [FarmAlert!]!
    """farm.view_analytics. Harvested vs expected yield within [from, to]."""
    yieldAnalytics(input: YieldAnalyticsInput!): YieldReport!
  }

  extend type Mutation {
    """farm.create."""
    createFarm(input: CreateFarmInput!): Farm!
    """farm.edit."""
    updateFarm(id: ID!, input: UpdateFarmInput!): Farm!
    """farm.delete. Soft delete: refused while a block holds a crop; harvest history is kept."""
    deleteFarm(id: ID!): Boolean!
    """farm.manage_blocks."""
    createFarmBlock(input: CreateFarmBlockInput!): FarmBlock!
    """farm.manage_blocks."""
    updateFarmBlock(id: ID!, input: UpdateFarmBlockInput!): FarmBlock!
    """farm.manage_blocks. Only allowed transitions (see FarmBlock.allowedNextStates)."""
    changeFarmBlockState(id: ID!, input: ChangeFarmBlockStateInput!): FarmBlock!
    """farm.manage_blocks. Archives the finished cycle (HARVESTING or FALLOW) with its yield; the block becomes EMPTY."""
    archiveFarmBlockCycle(id: ID!, notes: String): BlockArchive!
    """farm.manage_blocks. Only EMPTY blocks without harvests can be deleted."""
    deleteFarmBlock(id: ID!): Boolean!
    """farm.edit."""
    createPlantData(input: CreatePlantDataInput!): PlantData!
    """farm.manage_blocks. The block must be HARVESTING."""
    recordHarvest(input: RecordHarvestInput!): Harvest!
    """farm.edit."""
    createFarmAlert(input: CreateFarmAlertInput!): FarmAlert!
    """farm.edit."""
    acknowledgeFarmAlert(id: ID!): FarmAlert!
    """farm.edit."""
    resolveFarmAlert(id: ID!): FarmAlert!
    """farm.edit. Runs the alert rules now (they also run every 15 minutes); returns the alerts raised. asOf defaults to now."""
    evaluateFarmAlerts(asOf: DateTime): [FarmAlert!]!
  }
`;
