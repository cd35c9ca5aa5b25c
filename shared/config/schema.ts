/**
 * `.github/tollgate.yml`: composes the sections each module defines. This
 * file only composes; every rule lives with the section it belongs to.
 *
 *     version: 1
 *     models:
 *       churn:
 *         stages: [staging, production]
 *         promotion:
 *           production: {approvers: [alice, acme/ml-leads], required: 2, soak: 24h}
 *     evaluation:
 *       primary: {metric: roc_auc, min_delta: 0}
 */
import { z } from 'zod';
import { incidentsConfigSchema } from '../incidents/config.js';
import { driftConfigSchema } from './drift.js';
import { evaluationSchema } from './evaluation.js';
import { monitorSchema } from './monitor.js';
import { checkModel, modelObjectSchema, registryNameSchema } from './models.js';
import { promotionSchema } from './promotion.js';

/** One model, with its per-stage promotion policy. */
export const modelSchema = modelObjectSchema.extend({
  promotion: promotionSchema.optional().describe('Per stage: who approves, how many, soak time, required checks.'),
});

const modelsSchema = z.record(z.string(), modelSchema).superRefine((models, context) => {
  for (const [name, model] of Object.entries(models)) {
    const named = registryNameSchema.safeParse(name);
    if (!named.success) context.addIssue({ code: 'custom', path: [name], message: `model name '${name}': ${named.error.issues[0].message}` });
    checkModel(model, context, [name]);
    for (const stage of Object.keys(model.promotion ?? {})) {
      if (!model.stages.includes(stage)) {
        context.addIssue({
          code: 'custom',
          path: [name, 'promotion', stage],
          message: `'${stage}' is not one of this model's stages (${model.stages.join(', ') || 'none listed'})`,
        });
      }
    }
  }
});

/** The whole configuration file. */
export const tollgateConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1, { error: 'expected version: 1' }).default(1).describe('The format version of this file.'),
    models: modelsSchema.default({}).describe('The models the registry manages: stages, owners, model card, promotion policy.'),
    evaluation: evaluationSchema.prefault({}),
    drift: driftConfigSchema.prefault({}).describe('Drift checks: thresholds, per-column tests and importance, segments.'),
    monitor: monitorSchema.prefault({}).describe('Watching released models: signals, windows, SLOs, retraining triggers.'),
    incidents: incidentsConfigSchema.prefault({}).describe('When drift issues open, close and reopen, and which workflows feed them.'),
  })
  .describe('Tollgate configuration (.github/tollgate.yml)');

export type TollgateConfig = z.output<typeof tollgateConfigSchema>;
export type ModelSettings = z.output<typeof modelSchema>;
