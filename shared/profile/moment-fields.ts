import type { Moments } from '../stats/index.js';
import type { NumberColumnProfile } from './types.js';

/** A numeric column profile's summary fields, from its moments (null where they do not exist yet). */
export function momentFields(moments: Moments): Pick<NumberColumnProfile, 'min' | 'max' | 'mean' | 'variance' | 'std' | 'moments'> {
  const finite = moments.count;
  return {
    min: finite > 0 ? moments.min : null,
    max: finite > 0 ? moments.max : null,
    mean: finite > 0 ? moments.mean : null,
    variance: finite > 1 ? moments.variance() : null,
    std: finite > 1 ? moments.std() : null,
    moments: moments.toJSON(),
  };
}
