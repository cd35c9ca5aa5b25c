/**
 * Registry-specific failures. Both extend `TollgateError`, so front-ends print
 * their message without a stack trace.
 */
import { TollgateError } from '../errors/index.js';

/** A write the registry's rules forbid (version taken, unknown version, nothing to roll back to). */
export class RegistryError extends TollgateError {
  override readonly code = 'E_REGISTRY';
}

/** A stage assignment the configured policy blocks; `--force` bypasses it and the bypass is recorded. */
export class PolicyError extends TollgateError {
  override readonly code = 'E_POLICY';
  override readonly exitCode = 1;
}
