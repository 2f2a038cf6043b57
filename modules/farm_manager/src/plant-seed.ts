import type { PlantDoc } from './documents.js';

/**
 * Crops the first migration seeds. Figures are typical open-field values from extension-service
 * growing guides; farms refine them with createPlantData for their own varieties.
 */
export const SEED_PLANTS: ReadonlyArray<Omit<PlantDoc, '_id' | 'createdAt'>> = [
  {
    cropName: 'Tomato',
    variety: 'Roma',
    daysToMaturity: 75,
    expectedYieldKgPerHectare: 60_000,
    growingConditions: { minTemperatureC: 18, maxTemperatureC: 29, soilPhMin: 6.0, soilPhMax: 6.8, water: 'HIGH', sunlight: 'FULL_SUN' },
  },
  {
    cropName: 'Lettuce',
    variety: 'Butterhead',
    daysToMaturity: 55,
    expectedYieldKgPerHectare: 25_000,
    growingConditions: {
      minTemperatureC: 7,
      maxTemperatureC: 24,
      soilPhMin: 6.0,
      soilPhMax: 7.0,
      water: 'MEDIUM',
      sunlight: 'PARTIAL_SHADE',
    },
  },
  {
    cropName: 'Potato',
    variety: 'Russet Burbank',
    daysToMaturity: 110,
    expectedYieldKgPerHectare: 40_000,
    growingConditions: { minTemperatureC: 10, maxTemperatureC: 24, soilPhMin: 5.0, soilPhMax: 6.0, water: 'MEDIUM', sunlight: 'FULL_SUN' },
  },
  {
    cropName: 'Sweet corn',
    variety: 'Golden Bantam',
    daysToMaturity: 80,
    expectedYieldKgPerHectare: 12_000,
    growingConditions: { minTemperatureC: 16, maxTemperatureC: 35, soilPhMin: 5.8, soilPhMax: 7.0, water: 'MEDIUM', sunlight: 'FULL_SUN' },
  },
  {
    cropName: 'Wheat',
    variety: 'Hard red spring',
    daysToMaturity: 100,
    expectedYieldKgPerHectare: 3_500,
    growingConditions: { minTemperatureC: 4, maxTemperatureC: 30, soilPhMin: 6.0, soilPhMax: 7.5, water: 'LOW', sunlight: 'FULL_SUN' },
  },
  {
    cropName: 'Cucumber',
    variety: 'Marketmore 76',
    daysToMaturity: 60,
    expectedYieldKgPerHectare: 30_000,
    growingConditions: { minTemperatureC: 18, maxTemperatureC: 32, soilPhMin: 6.0, soilPhMax: 7.0, water: 'HIGH', sunlight: 'FULL_SUN' },
  },
  {
    cropName: 'Strawberry',
    variety: 'Albion',
    daysToMaturity: 90,
    expectedYieldKgPerHectare: 30_000,
    growingConditions: { minTemperatureC: 10, maxTemperatureC: 26, soilPhMin: 5.5, soilPhMax: 6.5, water: 'MEDIUM', sunlight: 'FULL_SUN' },
  },
  {
    cropName: 'Rice',
    variety: 'IR64',
    daysToMaturity: 115,
    expectedYieldKgPerHectare: 5_000,
    growingConditions: { minTemperatureC: 20, maxTemperatureC: 35, soilPhMin: 5.5, soilPhMax: 7.0, water: 'HIGH', sunlight: 'FULL_SUN' },
  },
];
