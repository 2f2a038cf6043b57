/** Animal Manager's SDL. */
export const typeDefs = /* GraphQL */ `
  enum AnimalSex {
    FEMALE
    MALE
    UNKNOWN
  }

  enum AnimalHealthEventKind {
    VACCINATION
    TREATMENT
    CHECKUP
    INJURY
    ILLNESS
    OTHER
  }

  type Animal {
    id: ID!
    species: String!
    """Unique within the species."""
    tag: String!
    name: String
    birthDate: DateTime
    """Whole days since birth; null without a birth date."""
    ageDays: Int
    sex: AnimalSex!
    notes: String
    healthEvents: [AnimalHealthEvent!]!
    weights: [AnimalWeight!]!
    """The most recent weight record."""
    latestWeightKg: Float
    createdAt: DateTime!
  }

  type AnimalHealthEvent {
    id: ID!
    animalId: ID!
    kind: AnimalHealthEventKind!
    description: String!
    occurredAt: DateTime!
    vet: String
    recordedBy: String
  }

  type AnimalWeight {
    id: ID!
    animalId: ID!
    weightKg: Float!
    measuredAt: DateTime!
  }

  input CreateAnimalInput {
    species: String!
    tag: String!
    name: String
    birthDate: DateTime
    """Defaults to UNKNOWN."""
    sex: AnimalSex
    notes: String
  }
  input UpdateAnimalInput {
    species: String
    tag: String
    name: String
    birthDate: DateTime
    sex: AnimalSex
    notes: String
  }
  input RecordAnimalHealthEventInput {
    animalId: ID!
    kind: AnimalHealthEventKind!
    description: String!
    """Defaults to now."""
    occurredAt: DateTime
    vet: String
  }
  input RecordAnimalWeightInput {
    animalId: ID!
    weightKg: Float!
    """Defaults to now."""
    measuredAt: DateTime
  }

  extend type Query {
    """animal.view. Sorted by species, then tag."""
    animals(species: String, search: String): [Animal!]!
    """animal.view."""
    animal(id: ID!): Animal
    """animal.view."""
    animalByTag(species: String!, tag: String!): Animal
  }

  extend type Mutation {
    """animal.edit. The tag must be unique within the species."""
    createAnimal(input: CreateAnimalInput!): Animal!
    """animal.edit."""
    updateAnimal(id: ID!, input: UpdateAnimalInput!): Animal!
    """animal.edit. Removes the animal with its health events and weights."""
    deleteAnimal(id: ID!): Boolean!
    """animal.edit."""
    recordAnimalHealthEvent(input: RecordAnimalHealthEventInput!): AnimalHealthEvent!
    """animal.edit."""
    recordAnimalWeight(input: RecordAnimalWeightInput!): AnimalWeight!
  }
`;
