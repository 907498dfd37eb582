import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, DistrictParam, problemResponses } from '../platform/http/openapi.js';
import { vocabulary } from './units/units.js';

const UnitVocabulary = z
  .object({
    units: z.array(
      z.object({
        code: z.string().describe('How a rule file writes it, e.g. t-CO2'),
        zh: z.string().describe('Its Chinese name, also accepted in rule files, e.g. 吨二氧化碳'),
        aliases: z.array(z.string()),
        dimension: z.string().describe('What it measures, in base units, e.g. t-CO2 or yuan/m3'),
        scale: z.string().describe('Exact scale to the base unit of its dimension, e.g. 10000/15 for 亩 (m2)'),
        prefixable: z.boolean().describe('Takes 万 and 亿 (wan-, yi-)'),
        description: z.string(),
      }),
    ),
    prefixes: z.array(z.object({ ascii: z.string(), zh: z.string(), scale: z.string() })),
    dimensions: z.array(z.object({ code: z.string(), base: z.string() })),
    grammar: z.string(),
  })
  .openapi('UnitVocabulary');

const unitsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/units',
  operationId: 'listUnits',
  tags: ['Rules'],
  summary: 'The units rule files and measurements may use, with their Chinese names and exact scales',
  description:
    'Every unit a bureau can write: its code and Chinese name, what it measures, its exact scale, and whether it takes 万 and 亿. Tonnes of carbon, of CO2 and of O2 are different dimensions: converting between them takes a factor written in the rule file.',
  request: { params: DistrictParam },
  responses: {
    200: { description: 'The vocabulary', content: { 'application/json': { schema: UnitVocabulary } } },
    ...problemResponses(404),
  },
});

export const unitRoutes = createRouter().openapi(unitsRoute, (c) => c.json(vocabulary(), 200));
