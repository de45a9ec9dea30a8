import {defineConfig} from 'vitest/config';

// .ci/run sets OAG_TEST_JSON to collect totals; locally only the default reporter runs.
const jsonReport = process.env.OAG_TEST_JSON;

// Tests that start real services (slapd, gnome-keyring, tmux) are slow to boot on 2 cores;
// generous timeouts keep them from flaking, and nothing in here asserts on time.
export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		reporters: jsonReport ? ['default', ['json', {outputFile: jsonReport}]] : ['default'],
	},
});
