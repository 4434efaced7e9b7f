export * from './chat-events.js';
