export * from './state.js';
export * from './createOagStore.js';
export * from './poller.js';
export * from './liveFeed.js';
export * from './mutation.js';
export * from './healthHistory.js';
export * from './resourceStatus.js';
export * from './selectors.js';
