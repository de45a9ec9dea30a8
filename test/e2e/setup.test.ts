import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BUNDLE, ensureBundle, ROOT, spawnSimulatorProcess} from '../helpers/bundle.js';
import {KEYRING_TOOLS, startKeyringSession, type KeyringSession} from '../helpers/keyring.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';
import {toolsOrSkip} from '../helpers/tools.js';

// First run in a real terminal: no profile, so `oag-offline` opens Setup; the admin types the host, the
// client id, pastes the key, gives the CA file, and lands on the dashboard with a stored profile.

const skip = toolsOrSkip(['tmux', ...KEYRING_TOOLS]);

describe.skipIf(skip)('first-run Setup in a terminal', () => {
	let keyring: KeyringSession;
	let simulator: Awaited<ReturnType<typeof spawnSimulatorProcess>>;
	let configDir: string;
	let session: TmuxSession | undefined;

	beforeAll(async () => {
		ensureBundle();
		keyring = await startKeyringSession();
		simulator = await spawnSimulatorProcess([]);
		configDir = await mkdtemp(join(tmpdir(), 'oag-setup-e2e-'));
	}, 60_000);
	afterAll(async () => {
		session?.kill();
		await simulator?.stop();
		await keyring?.stop();
		await rm(configDir, {recursive: true, force: true});
	});

	it('validates inline, masks the pasted key, tests, stores and connects', async () => {
		const env = Object.fromEntries(Object.entries(keyring.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
		session = startTmux(`cd ${ROOT} && OAG_CONFIG_DIR=${configDir} ${process.execPath} ${BUNDLE}`, {columns: 100, rows: 30}, env);
		await session.waitFor(s => s.includes('First-run setup'));

		session.type('not a host');
		session.sendKeys('Tab');
		await session.waitFor(s => s.includes('A host has no spaces'));
		session.sendKeys('BTab', 'C-u');
		for (let i = 0; i < 'not a host'.length; i++) session.sendKeys('BSpace');
		session.type(simulator.line.url);
		session.sendKeys('Tab');
		session.type(simulator.line.clientId);
		session.sendKeys('Tab');
		const pem = await readFile(simulator.line.keyFile, 'utf8');
		session.type(pem);
		let screen = await session.waitFor(s => s.includes('lines pasted, complete'));
		expect(screen).not.toContain('PRIVATE KEY');
		expect(screen).not.toContain(pem.split('\n')[1]!.slice(0, 20));
		await session.waitFor(s => s.includes('> CA file')); // the paste's last line break moved on
		session.type(simulator.line.caFile!);
		session.sendKeys('Tab', 'Tab', 'Enter');

		screen = await session.waitFor(s => s.includes('Readiness for offline mode'), 45_000);
		expect(screen).toContain('profile 127.0.0.1-');
		expect(screen).toContain('key keychain');
		const profiles = await readFile(join(configDir, 'profiles.yaml'), 'utf8');
		expect(profiles).toContain(simulator.line.clientId);
		expect(profiles).toContain('keyBackend: keychain');
		expect(profiles).not.toContain('PRIVATE KEY');
	}, 90_000);
});
