import {mkdir, mkdtemp, readdir, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {BUNDLE, ensureBundle, ROOT, runBundle, spawnSimulatorProcess} from '../helpers/bundle.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';
import {toolsOrSkip} from '../helpers/tools.js';

// First run on a host without a keychain (no D-Bus session, as on a server or over SSH): Setup refuses the
// keychain with the cause on the storage field, the admin picks the encrypted file and a passphrase, and
// lands on the dashboard. Later runs open the profile with OAG_KEY_PASSPHRASE, or with the passphrase typed
// into the TUI's own unlock form, also on `:ctx NAME`. Everything lives in private XDG directories.

const skip = toolsOrSkip(['tmux']);
const PASSPHRASE = 'correct horse battery';

/**
 * The profile named in the header's first line. At 80 columns the header gives up its field labels
 * (headerLayout.ts), so the line starts with the profile itself: "NAME HOST key ... [RW] [CONNECTED]".
 */
const headerProfile = (screen: string): string | undefined => /^(?:oag-offline )?(?:profile )?(\S+)/.exec(screen.split('\n')[0] ?? '')?.[1];

describe.skipIf(skip)('Setup with the encrypted-file backend, no D-Bus', () => {
	let simulator: Awaited<ReturnType<typeof spawnSimulatorProcess>>;
	let root: string;
	let xdg: Record<string, string>;
	let session: TmuxSession | undefined;

	beforeAll(async () => {
		ensureBundle();
		simulator = await spawnSimulatorProcess([]);
		root = await mkdtemp(join(tmpdir(), 'oag-setup-enc-e2e-'));
		xdg = {
			HOME: join(root, 'home'),
			XDG_CONFIG_HOME: join(root, 'config'),
			XDG_DATA_HOME: join(root, 'data'),
			XDG_STATE_HOME: join(root, 'state'),
			XDG_RUNTIME_DIR: join(root, 'run'),
		};
		for (const dir of Object.values(xdg)) await mkdir(dir, {recursive: true, mode: 0o700});
	}, 60_000);
	afterEach(() => {
		session?.kill();
		session = undefined;
	});
	afterAll(async () => {
		await simulator?.stop();
		await rm(root, {recursive: true, force: true});
	});

	/** The bundle in tmux with no D-Bus address, no passphrase and no OAG_CONFIG_DIR from the test runner. */
	const run = (extra: Record<string, string> = {}, args: string[] = []) => {
		const assignments = Object.entries({...xdg, ...extra}).map(([name, value]) => `${name}='${value}'`);
		const command = `cd ${ROOT} && env -u DBUS_SESSION_BUS_ADDRESS -u OAG_KEY_PASSPHRASE -u OAG_CONFIG_DIR -u OAG_PROFILE ${assignments.join(' ')} ${process.execPath} ${BUNDLE} ${args.join(' ')}`;
		session = startTmux(command, {columns: 80, rows: 24});
		return session;
	};

	it('Setup finishes with the encrypted file, then the profile opens with OAG_KEY_PASSPHRASE and with the in-TUI passphrase', async () => {
		const tui = run();
		await tui.waitFor(s => s.includes('First-run setup'));
		tui.type(simulator.line.url);
		tui.sendKeys('Tab');
		tui.type(simulator.line.clientId);
		tui.sendKeys('Tab');
		const pem = await readFile(simulator.line.keyFile, 'utf8');
		tui.type(pem);
		await tui.waitFor(s => s.includes('lines pasted, complete') && s.includes('> CA file'));
		tui.type(simulator.line.caFile!);
		tui.sendKeys('Tab', 'Tab');
		await tui.waitFor(s => /> Store the key in\s+\(•\) OS keychain/.test(s));

		// The keychain first: there is none without D-Bus, and the form says so on the storage field.
		tui.sendKeys('Enter');
		let screen = await tui.waitFor(s => s.includes('No usable keychain here'), 45_000);
		expect(screen).toContain('Nothing was stored');

		tui.sendKeys('Right');
		await tui.waitFor(s => s.includes('(•) Encrypted file') && s.includes('Key file passphrase'));
		tui.sendKeys('Tab');
		tui.type('short');
		await tui.waitFor(s => s.includes('At least 8 characters'));
		for (let i = 0; i < 'short'.length; i++) tui.sendKeys('BSpace');
		tui.type(PASSPHRASE);
		tui.sendKeys('Tab');
		tui.type('something else');
		await tui.waitFor(s => s.includes('The two passphrases differ'));
		for (let i = 0; i < 'something else'.length; i++) tui.sendKeys('BSpace');
		tui.type(PASSPHRASE);
		screen = await tui.waitFor(s => !s.includes('The two passphrases differ') && /> Repeat the passphrase\s+••••••••_/.test(s));
		expect(screen).not.toContain('correct horse');
		tui.sendKeys('Enter'); // the last field: submits

		screen = await tui.waitFor(s => s.includes('Readiness for offline mode'), 45_000);
		const profileName = headerProfile(screen);
		expect(profileName).toMatch(/^127\.0\.0\.1-\d+$/);
		// The host as the client reaches it, as on every later run: the scheme Setup was given is not shown.
		expect(screen.split('\n')[0]).toContain(` ${new URL(simulator.line.url).host} `);
		expect(screen).toMatch(/key encrypted/); // the header may elide the end of it at 80 columns
		const profiles = await readFile(join(xdg.XDG_CONFIG_HOME!, 'oag-offline', 'profiles.yaml'), 'utf8');
		expect(profiles).toContain('keyBackend: encrypted-file');
		expect(profiles).not.toContain('PRIVATE KEY');
		expect(profiles).not.toContain(PASSPHRASE);
		const keyDir = join(xdg.XDG_DATA_HOME!, 'oag-offline', 'keys');
		expect(await readdir(keyDir)).toEqual([`${profileName}.key.enc.json`]);
		const keyFile = join(keyDir, `${profileName}.key.enc.json`);
		expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
		const sealed = await readFile(keyFile, 'utf8');
		expect(sealed).not.toContain('PRIVATE KEY');
		expect(sealed).not.toContain(PASSPHRASE);
		tui.sendKeys('q');
		await tui.waitFor(s => s.includes('EXITED 0'));
		tui.kill();

		// Second run: the passphrase from the environment opens the profile straight onto the dashboard.
		const second = run({OAG_KEY_PASSPHRASE: PASSPHRASE});
		screen = await second.waitFor(s => s.includes('Readiness for offline mode'), 45_000);
		expect(headerProfile(screen)).toBe(profileName);
		second.sendKeys('q');
		await second.waitFor(s => s.includes('EXITED 0'));
		second.kill();

		// Third run: no passphrase anywhere, so the TUI asks for it in its own form; a wrong one is refused on the field.
		const third = run();
		await third.waitFor(s => s.includes(`Profile ${profileName}: its key is in a passphrase-encrypted file`));
		third.type('not-the-one-123');
		third.sendKeys('Enter');
		screen = await third.waitFor(s => s.includes('Wrong passphrase: try again.'), 30_000);
		expect(screen).not.toContain('not-the-one');
		for (let i = 0; i < 'not-the-one-123'.length; i++) third.sendKeys('BSpace');
		third.type(PASSPHRASE);
		third.sendKeys('Enter');
		screen = await third.waitFor(s => s.includes('Readiness for offline mode'), 45_000);
		expect(headerProfile(screen)).toBe(profileName);
		expect(screen).toMatch(/key encrypted/); // the header may elide the end of it at 80 columns
		expect(screen).not.toContain('correct horse');
	}, 240_000);

	it(':ctx to another encrypted-file profile asks for its passphrase inside the TUI', async () => {
		// Two profiles made by `login` with the encrypted file (the passphrase from the environment, as a script would).
		const vaultPassphrase = 'vault passphrase 7';
		for (const [profile, passphrase] of [['alpha', PASSPHRASE], ['vault', vaultPassphrase]] as const) {
			const login = await runBundle(
				['login', '--profile', profile, '--host', simulator.line.url, '--client-id', simulator.line.clientId, '--key-file', simulator.line.keyFile, '--ca-file', simulator.line.caFile!, '--backend', 'encrypted-file', '--yes'],
				{...xdg, OAG_KEY_PASSPHRASE: passphrase},
			);
			expect(login.code, login.stderr).toBe(0);
		}
		// Start on alpha with its key file for this run, then switch to vault: its passphrase is asked in the TUI.
		const tui = run({}, ['--profile', 'alpha', '--key-file', simulator.line.keyFile]);
		await tui.waitFor(s => s.includes('Readiness for offline mode') && headerProfile(s) === 'alpha', 45_000);
		tui.type(':ctx vault');
		tui.sendKeys('Enter');
		await tui.waitFor(s => s.includes('Profile vault: its key is in a passphrase-encrypted file'));
		tui.type(vaultPassphrase);
		tui.sendKeys('Enter');
		const screen = await tui.waitFor(s => s.includes('Readiness for offline mode') && headerProfile(s) === 'vault', 45_000);
		expect(screen).toMatch(/key encrypted/); // the header may elide the end of it at 80 columns
		expect(screen).not.toContain(vaultPassphrase);
	}, 120_000);
});
