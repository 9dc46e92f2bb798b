export * from './objective.js';
export * from './command-objective.js';
