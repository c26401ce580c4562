/**
 * `npm run build:demo` (`wxt build --mode demo`) bundles a catalogue with the illustrative
 * example sessions; the UI must then say so, so that nobody takes it for a real schedule.
 */
export const IS_DEMO_BUILD = import.meta.env.MODE === 'demo';
