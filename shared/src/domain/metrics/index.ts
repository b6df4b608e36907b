export * from './flow.js';
export * from './forecast.js';
export * from './dora.js';
export * from './waiting.js';
