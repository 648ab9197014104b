/**
 * The gravity scenario file (`lancaster gravity FILE`): a PPML estimate with fixed effects on a
 * panel of flows, then optionally the GE counterfactual of one estimated effect and a bootstrap of
 * both. One zod definition feeds the types, the CLI and API validation and the JSON Schema.
 */
import { z } from 'zod';
import * as msg from '../../spec/messages/scenario.ts';

const Column = z
  .string()
  .min(1)
  .regex(/^[^\s]+$/, { error: (iss) => msg.columnNameWithout(iss.input) });

const Fixed = z.union([Column, z.array(Column).min(1)]).meta({
  description:
    'A fixed effect: one column, or a list of columns whose combination is the effect (e.g. [exporter, year])',
});

const Vce = z
  .union([
    z.literal('robust'),
    z
      .object({
        cluster: z
          .union([Column, z.array(Column).min(1)])
          .meta({ description: 'Column(s) whose combination is the cluster' }),
      })
      .strict(),
  ])
  .meta({ description: 'Standard errors: robust (ppmlhdfe default) or one-way clustered' });

const Pair = z.tuple([z.string().min(1), z.string().min(1)]).meta({ description: '[exporter, importer]' });

const GravityShockSchema = z
  .object({
    regressor: Column.meta({
      description: 'The estimated regressor whose coefficient b gives the partial effect βᵢⱼ = b · (x′ᵢⱼ − xᵢⱼ)',
    }),
    to_year: z
      .union([z.number().int(), z.string().min(1)])
      .optional()
      .meta({
        description:
          "x′ = the regressor's value in this year (e.g. 2014: the EU pairs created since the counterfactual's year)",
      }),
    value: z.number().optional().meta({ description: 'x′ = this value on `pairs`' }),
    pairs: z.array(Pair).min(1).optional().meta({ description: 'The pairs given `value`' }),
    coefficient: z
      .number()
      .optional()
      .meta({ description: 'Use this coefficient instead of the estimate (the bootstrap still draws the estimate)' }),
  })
  .strict()
  .superRefine((s, ctx) => {
    const byYear = s.to_year !== undefined;
    const byValue = s.value !== undefined || s.pairs !== undefined;
    if (byYear === byValue) ctx.addIssue({ code: 'custom', message: msg.eitherYearValue(byYear ? 'both' : 'neither') });
    if (byValue && (s.value === undefined || s.pairs === undefined))
      ctx.addIssue({ code: 'custom', message: msg.valuePairsTogether() });
  });

export const GravityScenarioSchema = z
  .object({
    kind: z.literal('gravity').meta({ description: 'A structural-gravity scenario (lancaster gravity)' }),
    name: z.string().min(1),
    description: z.string().optional(),
    data: z
      .object({
        file: z
          .string()
          .min(1)
          .meta({
            description:
              'CSV under the data folder (e.g. gravity/wiod-fta-2000-2014.csv); in ' +
              'the CLI also a path relative to the scenario file',
          }),
        exporter: Column.default('exporter'),
        importer: Column.default('importer'),
        year: Column.optional().meta({
          description: 'Year column (needed for year fixed effects, the GE year and to_year shocks)',
        }),
        flow: Column.default('trade'),
      })
      .strict(),
    estimate: z
      .object({
        regressors: z.array(Column).min(1),
        fixed_effects: z.array(Fixed).default([]),
        sample: z
          .enum(['all', 'international'])
          .default('all')
          .meta({ description: 'international: flows with exporter ≠ importer only' }),
        vce: Vce.default('robust'),
        tolerance: z
          .number()
          .positive()
          .max(1e-4)
          .default(1e-10)
          .meta({ description: 'Relative deviance change ending IRLS (ppmlhdfe default 1e-8)' }),
        max_iterations: z.number().int().positive().max(100_000).default(1000),
        separation: z
          .array(z.enum(['fe', 'relu']))
          .default(['fe', 'relu'])
          .meta({ description: 'Separation checks (ppmlhdfe default: fe and relu)' }),
      })
      .strict(),
    counterfactual: z
      .object({
        year: z
          .union([z.number().int(), z.string().min(1)])
          .optional()
          .meta({
            description: 'The baseline year of the GE (needed when the data have a year column with several years)',
          }),
        theta: z.number().positive().max(100).meta({ description: 'Trade elasticity θ (σ − 1)' }),
        shock: GravityShockSchema,
        imbalances: z
          .array(z.enum(['additive', 'multiplicative']))
          .min(1)
          .default(['additive'])
          .meta({
            description:
              'Treatments of trade imbalances; the first is ge.countries, the others ge.<treatment>.countries',
          }),
        tolerance: z.number().positive().max(1e-4).default(1e-12),
      })
      .strict()
      .optional(),
    bootstrap: z
      .object({
        replications: z.number().int().min(2).max(100_000),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .default(1),
        level: z.number().gt(0).lt(1).default(0.95),
        chunks: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .default(8)
          .meta({ description: 'Executor jobs the replications are split into' }),
      })
      .strict()
      .optional()
      .meta({ description: 'Pairs bootstrap: pairs drawn with replacement, the PPML and the GE re-run on each draw' }),
    report: z
      .object({ countries: z.array(z.string().min(1)).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.counterfactual && !s.estimate.regressors.includes(s.counterfactual.shock.regressor)) {
      ctx.addIssue({
        code: 'custom',
        path: ['counterfactual', 'shock', 'regressor'],
        message: msg.oneEstimatedRegressors(s.estimate.regressors.join(', '), s.counterfactual.shock.regressor),
      });
    }
    if (new Set(s.estimate.regressors).size !== s.estimate.regressors.length) {
      ctx.addIssue({ code: 'custom', path: ['estimate', 'regressors'], message: msg.distinctRegressors() });
    }
    if (s.estimate.regressors.includes('_cons')) {
      ctx.addIssue({ code: 'custom', path: ['estimate', 'regressors'], message: msg.regressorNamesOther() });
    }
  });

export type GravityScenario = z.output<typeof GravityScenarioSchema>;
