/**
 * The shared vocabulary: words every folder uses. No imports from anywhere else in the backend
 * and no packages; everything above may depend on it.
 */
export * from './categories.js';
export * from './environment.js';
export * from './language.js';
export * from './priority.js';
export * from './ticket-rules.js';
