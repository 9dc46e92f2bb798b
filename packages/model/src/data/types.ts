/** The task a dataset poses: class labels, or one real-valued target (the adding problem). */
export type TaskKind = 'classification' | 'regression';

/** Texts with integer class labels 0..classes-1. */
export interface TextExamples {
  readonly texts: readonly string[];
  readonly labels: readonly number[];
}

/** Real-valued sequences of shape [timesteps][features] with one target each. */
export interface SequenceExamples {
  readonly sequences: readonly Float32Array[];
  readonly targets: readonly number[];
}

export interface TextDataset {
  readonly kind: 'text';
  readonly task: 'classification';
  readonly name: string;
  /** Class names, index = label. */
  readonly classNames: readonly string[];
  readonly train: TextExamples;
  readonly validation: TextExamples;
  readonly test: TextExamples;
}

export interface SequenceDataset {
  readonly kind: 'sequence';
  readonly task: 'regression';
  readonly name: string;
  readonly timesteps: number;
  readonly features: number;
  readonly train: SequenceExamples;
  readonly validation: SequenceExamples;
  readonly test: SequenceExamples;
}

export type Dataset = TextDataset | SequenceDataset;

/** Fractions of the whole held out for validation and test; the rest trains. */
export interface SplitOptions {
  /** Default 0.2. */
  readonly valSplit?: number;
  /** Default 0.1. */
  readonly testSplit?: number;
  /** Seed of the split's shuffle. Default 0. */
  readonly seed?: number;
}
