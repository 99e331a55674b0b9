/**
 * The source model: a logistic regression over the features of a quotation's candidate sources
 * (source-candidates.ts), learned from PolNeAR's train split by `npm run train:sources`
 * (scripts/train-sources.ts), which writes source-weights.json. For each quotation the best-scored
 * candidate is its source when its probability reaches the file's `minimum`; otherwise the quotation
 * has no source rather than a doubtful one.
 */
import { PRONOUN_FEATURES, type PronounCandidate, pickPerson, weighedCandidates } from './pronoun-model.js';
import type { Candidate } from './source-candidates.js';
import { FEATURES } from './source-candidates.js';
import WEIGHTS from './source-weights.json' with { type: 'json' };

/** The weights file: one weight per feature name, and the lowest probability a source is kept at. */
interface Weights {
  features: string[];
  weights: number[];
  minimum: number;
  /** For each way a speaker is reached, the share of right people on PolNeAR train (scripts/calibrate-sources.ts). */
  reliability?: Partial<Record<SpeakerPath, number>>;
  /** The lowest confidence at which pickForCards() takes a quotation with a named speaker (chosen on train). */
  pickConfidence?: number;
  /** The pronoun model (pronoun-model.ts): one weight per feature name. */
  pronoun?: { features: string[]; weights: number[] };
}

const model = WEIGHTS as Weights;

/** pickForCards()'s default `minConfidence`. */
export const PICK_CONFIDENCE = model.pickConfidence ?? 0.5;
const order = FEATURES.map((name) => {
  const i = model.features.indexOf(name);
  return i < 0 ? 0 : (model.weights[i] ?? 0);
});

/** Probability that the candidate with these features is the quotation's source. */
export function sourceProbability(values: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < values.length; i++) z += (values[i] as number) * (order[i] as number);
  return 1 / (1 + Math.exp(-z));
}

/** How a quotation's speaker was reached. */
export type SpeakerPath = 'name' | 'pronoun' | 'role' | 'organization' | 'description' | 'unresolved' | 'none';

/**
 * `Quote.confidence`: how likely the speaker is right. The source model's probability times how often, on
 * PolNeAR's train split, a speaker reached that way is the right person (the file's `reliability`), or,
 * for a pronoun, the pronoun model's probability for the person; fragments a little lower; no source at
 * all a fixed low value.
 */
export function confidence(p: number | undefined, path: SpeakerPath, partial: boolean, resolved?: number): number {
  const value = p === undefined || path === 'none' ? 0.3 : p * (resolved ?? model.reliability?.[path] ?? 1) - (partial ? 0.05 : 0);
  return Math.round(Math.max(0.05, Math.min(1, value)) * 100) / 100;
}

const pronounWeights = model.pronoun
  ? PRONOUN_FEATURES.map((name) => {
      const i = model.pronoun?.features.indexOf(name) ?? -1;
      return i < 0 ? 0 : (model.pronoun?.weights[i] ?? 0);
    })
  : undefined;

/**
 * The person a pronoun stands for under the pronoun model, or no name when "no one" is likelier than each
 * candidate — also when there are no candidates, or none of the pronoun's gender: then the hand rules' answer
 * does not stand either. Undefined without a model (the hand rules' answer stands). A person the article's own
 * words give the other gender is never "she" or "he", however near (weighedCandidates).
 */
export function resolvePronoun(candidates: PronounCandidate[]): { name?: string; p: number } | undefined {
  return pronounWeights ? pickPerson(weighedCandidates(candidates), pronounWeights) : undefined;
}

/** The candidate the model picks, with its probability; undefined when none reaches the minimum. */
export function pickSource<C extends Candidate>(scored: Array<{ candidate: C; p: number }>): { candidate: C; p: number } | undefined {
  let best: { candidate: C; p: number } | undefined;
  for (const s of scored) if (!best || s.p > best.p) best = s;
  return best && best.p >= model.minimum ? best : undefined;
}
