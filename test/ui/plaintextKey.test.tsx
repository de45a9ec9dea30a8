import chalk from 'chalk';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {resolveForTui} from '../../source/commands/tui.js';
import {saveProfiles} from '../../source/config/profiles.js';
import {oagPaths} from '../../source/config/paths.js';
import {PLAINTEXT_WARNING} from '../../source/secrets/plaintextFile.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {App} from '../../source/ui/shell/App.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {createFakeApi, demoConnection} from '../store/fakeOagApi.js';
import {renderAt, type Harness} from './harness.js';

// A key stored with --insecure-storage: the TUI shows the warning itself (stderr is hidden behind the
// alternate screen) and marks the key backend in the header with the danger badge.

const BADGE = '[PLAINTEXT: key stored unencrypted]';
let dir: string;
let savedConfigDir: string | undefined;
let harness: Harness | undefined;
let store: OagStore | undefined;

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-tui-plaintext-'));
	savedConfigDir = process.env.OAG_CONFIG_DIR;
	process.env.OAG_CONFIG_DIR = dir;
});
afterAll(async () => {
	if (savedConfigDir === undefined) delete process.env.OAG_CONFIG_DIR;
	else process.env.OAG_CONFIG_DIR = savedConfigDir;
	await rm(dir, {recursive: true, force: true});
});
afterEach(() => {
	harness?.unmount();
	store?.dispose();
	vi.restoreAllMocks();
});

function start(theme: string) {
	const fake = createFakeApi();
	store = createOagStore({api: fake.api, connection: {...demoConnection, keyBackend: 'PLAINTEXT'}, healthIntervalMs: 2000});
	harness = renderAt(<App store={store} theme={themeNamed(theme)} startMessage={PLAINTEXT_WARNING} />, {columns: 160, rows: 30});
	return harness;
}

describe('a plaintext key in the TUI', () => {
	it('the warning is collected for the TUI, not written to stderr where the alternate screen hides it', async () => {
		await saveProfiles({current: 'plain', profiles: {plain: {host: 'oag.example.com', clientId: 'c1', keyBackend: 'plaintext'}}}, oagPaths());
		const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		const warnings: string[] = [];
		const connection = await resolveForTui({}, warnings);
		expect(connection.keyBackend).toBe('PLAINTEXT');
		expect(warnings).toEqual([PLAINTEXT_WARNING]);
		expect(stderr).not.toHaveBeenCalled();
	});

	it('shows the warning in the footer and the key backend as a danger badge, in words without colour', async () => {
		const h = start('no-color');
		const frame = await h.waitFor(f => f.includes('App crm'));
		expect(frame).toContain(`key ${BADGE}`);
		expect(frame).toContain('WARNING: the private key is stored UNENCRYPTED');
	});

	it('colours the badge with the badge.danger token', async () => {
		const level = chalk.level;
		chalk.level = 1; // under vitest stdout is no TTY; force colour as the App test does
		try {
			const h = start('dark');
			await h.waitFor(f => f.includes(BADGE));
			const raw = h.rawFrame();
			const escapes = /((?:\u001b\[[0-9;]*m)*)\[PLAINTEXT: key/.exec(raw)?.[1] ?? '';
			const danger = chalk.redBright('x').split('x')[0]!; // themes/dark.json: badge.danger is redBright
			expect(escapes).toContain(danger);
			const readWrite = /((?:\u001b\[[0-9;]*m)*)\[RW\]/.exec(raw)?.[1] ?? '';
			expect(readWrite).not.toContain(danger);
		} finally {
			chalk.level = level;
		}
	});
});
