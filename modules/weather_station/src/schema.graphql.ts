/** Weather Station's SDL. */
export const typeDefs = /* GraphQL */ `
  type WeatherReading {
    id: ID!
    """Free-form station name, e.g. "North field"; compared case-insensitively."""
    station: String!
    takenAt: DateTime!
    """Millimetres since the previous reading."""
    rainfallMm: Float!
    temperatureC: Float
    recordedBy: String
  }

  input RecordWeatherReadingInput {
    station: String!
    """Defaults to now; not in the future."""
    takenAt: DateTime
    rainfallMm: Float!
    temperatureC: Float
  }

  extend type Query {
    """weather.view. Newest first; at most 200."""
    weatherReadings(station: String!, limit: Int = 50): [WeatherReading!]!
    """weather.view. Rainfall of the last \`days\` days (1–366) at the station, in millimetres."""
    rainfallTotal(station: String!, days: Int!): Float!
  }

  extend type Mutation {
    """weather.record."""
    recordWeatherReading(input: RecordWeatherReadingInput!): WeatherReading!
  }
`;
