/**
 * The trade domain of a `negotiation` section (zod 4): issues are policy levers of the scenario,
 * each with a value grid, applied on top of the current state; utilities are the governments'
 * objectives computed by the equilibrium model. Imported by ../schema.ts under `domain:`.
 *
 * ```yaml
 * domain:
 *   current_state: { scenario: us-china-2025, date: 2025-06-09 }   # the state the talks start from
 *   issues:
 *     - { id: us_tariff, owner: USA, tariffs: [ { importer: USA, exporter: CHN, sectors: [goods] } ],
 *         mode: add, grid: [-0.3, -0.2, -0.1, 0] }
 *     - { id: ree, owner: CHN, export_controls: [ { origin: CHN, destination: "*", sectors: [REE] } ],
 *         mode: set, grid: [0.25, 0.6, 1] }
 *   linkage:
 *     enabled: true
 *     linked: [[us_tariff], [ree]]
 *     separate: [[us_tariff], [ree]]
 * ```
 */
import { z } from 'zod';
import { IsoDate } from './date.ts';
import * as msg from './messages/scenario.ts';

const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: (iss) => msg.idLettersDigitsStartingLetter(iss.input) });

/** Flows covered by a tariff issue (the fields of a scenario tariff entry that select flows). */
const IssueTariffSchema = z.strictObject({
  importer: z.string().min(1),
  exporter: z.string().min(1),
  except: z.array(z.string()).optional(),
  sectors: z
    .array(z.string())
    .optional()
    .meta({ description: 'Sector codes or groups (e.g. goods); all sectors when absent' }),
});

/** Flows covered by an export-control issue. */
const IssueControlSchema = z.strictObject({
  origin: z.string().min(1),
  destination: z.string().min(1),
  except: z.array(z.string()).optional(),
  sectors: z.array(z.string()).min(1),
  rents: z
    .enum(['exporter', 'lost'])
    .optional()
    .meta({ description: 'Who receives licence rents on flows the issue newly controls; default exporter' }),
});

/** One negotiable lever with its value grid. */
const TradeIssueSchema = z
  .strictObject({
    id: Id,
    label: z.string().optional(),
    owner: z
      .string()
      .min(1)
      .meta({ description: 'The party that controls the lever (a concession by this party moves it)' }),
    tariffs: z.array(IssueTariffSchema).min(1).optional(),
    export_controls: z.array(IssueControlSchema).min(1).optional(),
    mode: z
      .enum(['add', 'set'])
      .optional()
      .meta({
        description:
          "add: the value is added to each covered flow's current rate (tariffs, floored at 0) or approval " +
          '(controls, clamped to [0, 1]); set: the value replaces it. Default: add for tariffs, set for controls',
      }),
    grid: z
      .array(z.number())
      .min(1)
      .meta({ description: 'Values of the issue (fractions: 0.1 = 10 points of tariff, or an approval share)' }),
  })
  .superRefine((t, ctx) => {
    if ((t.tariffs ? 1 : 0) + (t.export_controls ? 1 : 0) !== 1) {
      ctx.addIssue({ code: 'custom', message: msg.exactlyOneTariffs(Boolean(t.tariffs)) });
    }
    if (new Set(t.grid).size !== t.grid.length)
      ctx.addIssue({ code: 'custom', path: ['grid'], message: msg.distinctGridValues() });
    if (t.export_controls && (t.mode ?? 'set') === 'set' && t.grid.some((v) => v < 0 || v > 1)) {
      ctx.addIssue({
        code: 'custom',
        path: ['grid'],
        message: msg.approvalSharesBetween(t.grid.find((v) => v < 0 || v > 1) as number),
      });
    }
  });

/** A government objective: the model's real income change, plus optional security terms. */
export const TradeObjectiveSchema = z.strictObject({
  measure: z
    .enum(['real_income', 'welfare'])
    .default('real_income')
    .meta({ description: "real_income_pct or welfare_pct of the party's region (equal in the multisector model)" }),
  security: z
    .record(z.string(), z.number())
    .optional()
    .meta({
      description:
        "Sector → weight σ: adds σ · (% change of the region's real absorption " +
        "of that sector, X'/P̂ ÷ X − 1); e.g. { REE: 0.05 }",
    }),
  security_of: z
    .record(z.string(), z.record(z.string(), z.number()))
    .optional()
    .meta({
      description:
        "Region → sector → weight: terms on another region's absorption (e.g. the US " +
        "weighing China's chip supply negatively: { CHN: { SEMI: -0.01 } })",
    }),
});

const Basket = z.array(Id).min(1);

/** Which issues are bargained together. */
const LinkageSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .meta({ description: 'Sessions negotiate the `linked` baskets (else the `separate` ones)' }),
  linked: z
    .array(Basket)
    .optional()
    .meta({ description: 'Baskets with linkage; default one basket holding every issue' }),
  separate: z.array(Basket).optional().meta({ description: 'Baskets without linkage; default one basket per issue' }),
});

/** The economic trade domain of a negotiation. */
export const TradeDomainSchema = z.strictObject({
  current_state: z
    .strictObject({
      scenario: z.string().optional().meta({
        description:
          'Embedded scenario id (under scenarios/) or path whose timeline gives the state; default this file',
      }),
      date: IsoDate.optional().meta({
        description: 'The state in force on this date (steps dated on or before it); default the policy section',
      }),
    })
    .optional(),
  issues: z.array(TradeIssueSchema).min(1),
  disagreement: z
    .union([z.literal('current'), z.record(z.string(), z.number())])
    .default('current')
    .meta({
      description:
        'current: every issue at the value that reproduces the current state (0 for ' +
        'add, the current rate for set); or issue → grid value',
    }),
  threat: z
    .strictObject({
      scenario: z
        .string()
        .optional()
        .meta({
          description:
            'Embedded scenario id or path whose timeline gives the threatened ' +
            'state; default current_state.scenario, else this file',
        }),
      date: IsoDate.meta({
        description: 'The state in force on this date follows a breakdown (e.g. the April rates before Geneva)',
      }),
      label: z.string().optional(),
    })
    .optional()
    .meta({
      description:
        "Coercion: the state that follows if no package is ratified (a truce's snapback on its deadline). " +
        'Utilities and ratification are then measured over this state instead of the disagreement deal',
    }),
  calibration: z
    .strictObject({
      approved: z
        .array(
          z.strictObject({
            label: z.string(),
            before: IsoDate,
            after: IsoDate,
          }),
        )
        .min(1),
    })
    .optional()
    .meta({
      description:
        "Deals both leaders approved, as dated states (before → after) of the current state's scenario: each " +
        "approval bounds the leader's threshold from above by the deal's effect on the leader's objective",
    }),
  linkage: LinkageSchema.optional(),
  workers: z
    .number()
    .int()
    .min(0)
    .max(64)
    .optional()
    .meta({ description: 'Worker threads for mapping the deals (0 = inline); default 2 above 200 deals' }),
  report: z
    .array(z.string())
    .optional()
    .meta({ description: 'Regions whose economic effects of the deal are reported; default the two parties' }),
});

export type TradeObjectiveSpec = z.infer<typeof TradeObjectiveSchema>;
export type TradeDomainSpec = z.infer<typeof TradeDomainSchema>;
