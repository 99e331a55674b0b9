/** `renderCard()`'s options: the card options, with the network option checked here, where it is used. */
import { cardOptions } from '../cards/card-options.js';
import { hydrateRule } from '../net/hydrate-options.js';
import type { ShapeOf } from '../shared/check.js';

/** `RenderOptions` as a rule. */
export const renderOptions = cardOptions.extend({ hydrate: hydrateRule });

/** Render options with defaults filled in and every value checked. */
export type CheckedOptions = ShapeOf<typeof renderOptions.shape>;
