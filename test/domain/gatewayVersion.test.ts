import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {compareGatewayVersions, parseGatewayVersion, policyEraOf} from '../../source/domain/gatewayVersion.js';
import {describeStateChange, needsConfirmation, skipsTest} from '../../source/domain/appState.js';

describe('gateway versions', () => {
	it('orders versions numerically, not as text', () => {
		const v = (s: string) => parseGatewayVersion(s)!;
		expect(compareGatewayVersions(v('2026.10.0'), v('2026.9.1'))).toBeGreaterThan(0);
		expect(compareGatewayVersions(v('2026.09.1'), v('2026.09.1'))).toBe(0);
		expect(parseGatewayVersion('2026.09')).toBeUndefined();
	});

	it('switches to access policies at the cut-over, inclusive', () => {
		expect(policyEraOf('2026.09.0')).toBe('group-policy');
		expect(policyEraOf('2026.09.1')).toBe('access-policy');
		expect(policyEraOf('2026.08.1', '2026.08.1')).toBe('access-policy');
		fc.assert(
			fc.property(fc.integer({min: 2025, max: 2030}), fc.integer({min: 1, max: 12}), fc.integer({min: 0, max: 9}), (y, m, p) => {
				const version = `${y}.${String(m).padStart(2, '0')}.${p}`;
				const after = y > 2026 || (y === 2026 && (m > 9 || (m === 9 && p >= 1)));
				return policyEraOf(version) === (after ? 'access-policy' : 'group-policy');
			}),
		);
	});
});

describe('app state changes', () => {
	it('asks for confirmation for any move to ACTIVE and flags skipping TEST', () => {
		expect(needsConfirmation({from: 'TEST', to: 'ACTIVE'})).toBe(true);
		expect(needsConfirmation({from: 'ACTIVE', to: 'ACTIVE'})).toBe(false);
		expect(needsConfirmation({from: 'ACTIVE', to: 'TEST'})).toBe(false);
		expect(skipsTest({from: 'INACTIVE', to: 'ACTIVE'})).toBe(true);
		expect(describeStateChange({from: 'INACTIVE', to: 'ACTIVE'})).toMatch(/skips TEST/);
		expect(describeStateChange({from: 'TEST', to: 'TEST'})).toBe('already TEST');
	});
});
