import {describe, expect, it} from 'vitest';
import {letInkDrawInTerminal} from '../../source/ui/terminalEnvironment.js';

describe('CI in a real terminal', () => {
	it('clears CI and CONTINUOUS_INTEGRATION only when stdin and stdout are terminals', () => {
		const env: NodeJS.ProcessEnv = {CI: 'true', CONTINUOUS_INTEGRATION: '1', PATH: '/bin'};
		expect(letInkDrawInTerminal(env, {isTTY: true}, {isTTY: true})).toEqual(['CI', 'CONTINUOUS_INTEGRATION']);
		expect(env).toEqual({PATH: '/bin'});
	});

	it('leaves them alone without a terminal (a pipe keeps its CI behaviour)', () => {
		for (const [stdin, stdout] of [
			[{isTTY: false}, {isTTY: true}],
			[{isTTY: true}, {}],
		] as const) {
			const env: NodeJS.ProcessEnv = {CI: 'true'};
			expect(letInkDrawInTerminal(env, stdin, stdout)).toEqual([]);
			expect(env.CI).toBe('true');
		}
	});
});
