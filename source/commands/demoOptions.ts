// Shared by the demo's registration (help text) and its runner, which loads lazily.
export const DEMO_OUTAGE_AFTER_SECONDS = 20;

export type DemoOptions = {scenario?: 'outage'; apps?: number; outageAfter?: number};
