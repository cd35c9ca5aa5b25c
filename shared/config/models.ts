/**
 * The `models:` section of `.github/tollgate.yml`: which models the registry
 * manages, their promotion stages and what their model cards say.
 *
 *     models:
 *       churn:
 *         stages: [staging, canary, production]
 *         owners: [alice, '@acme/ml']
 *         card:
 *           intended_use: Rank accounts by churn risk for the retention team.
 *           limitations: Trained on EU accounts only.
 *       fraud:
 *         path: models/fraud          # monorepo: tags are models/fraud=fraud@v1.0.0
 *         stages: [staging, production]
 *         require_previous_stage: false
 */
import { z } from 'zod';
import { RESERVED_STAGE_NAMES } from '../registry/names.js';

// GTO's grammar for model and stage names, and for monorepo directories.
const NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9\-/_]*[a-zA-Z0-9])?$/;
const DIRNAME = /^[a-zA-Z0-9\-_./]+$/;
const NAME_HINT = "letters, digits, '-', '_' and '/', starting and ending with a letter or digit";

/** A model or stage name. */
export const registryNameSchema = z.string().regex(NAME, `expected ${NAME_HINT}`);

/** What the release's model card says about intended use and limits. */
export const modelCardSchema = z
  .object({
    intended_use: z.string().optional().describe('Who should use the model, for what.'),
    limitations: z.string().optional().describe('Where the model is known not to hold.'),
  })
  .strict();

/**
 * One model. A plain `z.object` (no refinements) so later sections can
 * `.extend()` it, e.g. with per-stage promotion rules.
 */
export const modelObjectSchema = z
  .object({
    /** Monorepo directory; the registry name becomes `path:name` (tags `path=name@...`). */
    path: z.string().regex(DIRNAME, "expected a directory made of letters, digits, '-', '_', '.', '/'").optional().describe('Monorepo directory of the model; tags are written path=name@v1.0.0 (GTO).'),
    /** Logins or `@org/team` handles responsible for the model. */
    owners: z.array(z.string().min(1)).optional().describe('Logins or @org/team handles responsible for the model (assignees of its drift issues).'),
    /** Stages in promotion order, e.g. [staging, canary, production]. */
    stages: z.array(registryNameSchema).default([]).describe('Stages in promotion order, e.g. [staging, canary, production].'),
    /** Where the champion lives: default the last stage, or `production` when no stages are listed. */
    champion_stage: registryNameSchema.optional().describe('The stage whose holder is the champion: default the last stage, else production.'),
    /** A version must have held the previous stage before it may take the next (unless forced). */
    require_previous_stage: z.boolean().default(true).describe('A version must have held the previous stage before it may take the next (unless forced).'),
    card: modelCardSchema.optional().describe("What the release's model card says."),
    /** The workflow file that trains the model, for `/retrain`. */
    training_workflow: z.string().min(1).optional().describe('The workflow file that trains the model, dispatched by /retrain and retraining triggers.'),
  })
  .strict();

/** `latest` and `champion` name versions when resolving: a stage so called could be assigned but never read back. */
const reservedStage = (name: string) => `'${name}' is reserved (it resolves to a version, not a stage); choose another stage name`;

/** Cross-field rules of one model, shared by every extension of `modelObjectSchema`. */
export function checkModel(model: z.output<typeof modelObjectSchema>, context: z.RefinementCtx, path: PropertyKey[]): void {
  const seen = new Set<string>();
  model.stages.forEach((stage, index) => {
    if (seen.has(stage)) context.addIssue({ code: 'custom', path: [...path, 'stages', index], message: `stage '${stage}' is listed twice` });
    if (RESERVED_STAGE_NAMES.includes(stage)) context.addIssue({ code: 'custom', path: [...path, 'stages', index], message: reservedStage(stage) });
    seen.add(stage);
  });
  if (model.champion_stage !== undefined && model.stages.length === 0 && RESERVED_STAGE_NAMES.includes(model.champion_stage)) {
    context.addIssue({ code: 'custom', path: [...path, 'champion_stage'], message: reservedStage(model.champion_stage) });
  }
  if (model.champion_stage !== undefined && model.stages.length > 0 && !model.stages.includes(model.champion_stage)) {
    context.addIssue({
      code: 'custom',
      path: [...path, 'champion_stage'],
      message: `champion_stage '${model.champion_stage}' is not one of the stages (${model.stages.join(', ')})`,
    });
  }
}

/** The `models:` section: model name -> model. */
export const modelsSchema = z.record(z.string(), modelObjectSchema).superRefine((models, context) => {
  for (const [name, model] of Object.entries(models)) {
    if (!NAME.test(name)) context.addIssue({ code: 'custom', path: [name], message: `model name '${name}': expected ${NAME_HINT}` });
    checkModel(model, context, [name]);
  }
});

/** One model's configuration (defaults applied). */
export type ModelConfig = z.output<typeof modelObjectSchema>;
/** The `models:` section (defaults applied). */
export type ModelsConfig = z.output<typeof modelsSchema>;
