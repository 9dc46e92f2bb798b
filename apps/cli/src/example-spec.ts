/** What `sweep init` writes: a small, valid, commented spec that runs as it is. */
export const EXAMPLE_SPEC = `# A loopsweep sweep spec. Check it with \`sweep validate sweep.yaml\`, run it with \`sweep run sweep.yaml\`.
# For completion in your editor, point the YAML language server at the JSON Schema that ships in
# @loopsweep/core (schema/sweep-spec.schema.json) with a first line like
#   # yaml-language-server: $schema=<path to>/sweep-spec.schema.json
name: my-sweep                  # unique in the database; letters, digits, . _ -

# What each trial runs: the built-in rnn-text (an RNN text classifier), noop (for testing),
# or your own module (./my-objective.mjs, relative to this file) whose default export is
# async (params, ctx) => number | metrics.
objective: rnn-text

# The data, passed to the objective. spamassassin ships with npm; csv / jsonl read your own file
# (path:, text_column:, label_column:); adding is the adding problem (timesteps:).
dataset: { name: spamassassin, limit: 1200, max_len: 64, vocab: 4000, val_split: 0.2 }

# The metric the objective reports each epoch, and which way is better.
metric: { name: val_accuracy, goal: maximize }

# trials in all, at once (override with --parallel), epochs per trial; also timeout: 30m, retries: 1
budget: { trials: 12, parallel: 2, max_epochs: 4 }

sampler: { type: auto, seed: 1 }                             # auto (gp or tpe) | tpe | gp | random | grid
pruner: { type: asha, min_epochs: 1, reduction_factor: 3 }   # none | median | asha | hyperband

# The search space. Kinds: values: [...], uniform: [lo, hi], log_uniform: [lo, hi],
# int: [lo, hi], int_log_uniform: [lo, hi], value: x. "when" makes a parameter conditional.
parameters:
  cell:       { values: [lstm, gru, simple] }
  optimizer:  { values: [adam, rmsprop, momentum] }
  lr:         { log_uniform: [1.0e-3, 3.0e-2] }
  momentum:   { uniform: [0.8, 0.95], when: { optimizer: momentum } }
  clip:       { values: [none, global_norm] }
  clip_norm:  { log_uniform: [0.5, 5], when: { clip: global_norm } }
  units:      { values: [16, 32] }
`;
