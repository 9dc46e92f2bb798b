#!/usr/bin/env node
// Writes @loopsweep/core's schema/sweep-spec.schema.json, the JSON Schema editors load for sweep
// specs: core's zod schema plus the built-in objectives' dataset blocks. It lives here because
// core cannot import the objectives (the runner knows them all). It reads the built packages, so
// build first:
//
//   npx nx run-many -t build && node packages/runner/scripts/write-spec-schema.mjs
//
// src/objectives/spec-json-schema.test.ts fails when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtInSweepSpecJsonSchema } from '../dist/objectives/spec-json-schema.js';

const target = fileURLToPath(new URL('../../core/schema/sweep-spec.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(builtInSweepSpecJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
