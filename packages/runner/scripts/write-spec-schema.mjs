#!/usr/bin/env node
// Writes schema/sweep-spec.schema.json, the JSON Schema editors load for sweep specs, from the
// zod schema that validation uses. It reads the built package, so build first:
//
//   npm run build --workspace @loopsweep/core && node packages/core/scripts/write-schema.mjs
//
// src/spec/json-schema.test.ts fails when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sweepSpecJsonSchema } from '../dist/spec/json-schema.js';

const target = fileURLToPath(new URL('../schema/sweep-spec.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(sweepSpecJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
