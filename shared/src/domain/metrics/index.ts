export * from './flow.js';
export * from './forecast.js';
