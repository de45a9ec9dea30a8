import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {chooseTheme, THEME_NAMES, THEME_TOKENS} from '../../source/ui/theme/theme.js';

describe('themes', () => {
	it('ships dark, light, high-contrast and no-color, each file defining every token (except no-color: none)', () => {
		expect(THEME_NAMES).toEqual(expect.arrayContaining(['dark', 'light', 'high-contrast', 'no-color']));
		for (const file of readdirSync('themes')) {
			const theme = JSON.parse(readFileSync(`themes/${file}`, 'utf8')) as {name: string; tokens: Record<string, string>};
			const expected = theme.name === 'no-color' ? [] : [...THEME_TOKENS].sort();
			expect(Object.keys(theme.tokens).sort(), file).toEqual(expected);
		}
	});

	it('NO_COLOR and --no-color select no-colour over any name', () => {
		expect(chooseTheme({env: {NO_COLOR: '1'}, name: 'dark'}).name).toBe('no-color');
		expect(chooseTheme({env: {}, color: false}).name).toBe('no-color');
		expect(chooseTheme({env: {NO_COLOR: ''}}).name).toBe('dark');
		expect(chooseTheme({env: {OAG_THEME: 'light'}}).name).toBe('light');
		expect(chooseTheme({env: {OAG_THEME: 'nope'}}).name).toBe('dark');
		expect(chooseTheme({env: {NO_COLOR: '1'}}).colored).toBe(false);
		expect(chooseTheme({env: {NO_COLOR: '1'}}).color('status.ok')).toBeUndefined();
	});

	it('names an unknown theme, what is used instead and the choices; a known one carries no warning', () => {
		expect(chooseTheme({env: {OAG_THEME: 'x'}}).warning).toBe('unknown OAG_THEME "x": using dark; choose dark|light|high-contrast|no-color');
		expect(chooseTheme({env: {}, name: 'solar'}).warning).toMatch(/^unknown theme "solar": using dark/);
		expect(chooseTheme({env: {OAG_THEME: 'light'}}).warning).toBeUndefined();
		expect(chooseTheme({env: {}}).warning).toBeUndefined();
		// NO_COLOR wins before any name is looked at: nothing to warn about.
		expect(chooseTheme({env: {NO_COLOR: '1', OAG_THEME: 'x'}}).warning).toBeUndefined();
	});

	it('components use tokens, never raw colour names', () => {
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, {withFileTypes: true})) {
				const path = `${dir}/${entry.name}`;
				if (entry.isDirectory()) walk(path);
				else if (path.endsWith('.tsx') && /\b(color|backgroundColor)=("|\{\s*['"`])/.test(readFileSync(path, 'utf8'))) offenders.push(path);
			}
		};
		walk('source/ui');
		expect(offenders).toEqual([]);
	});
});
