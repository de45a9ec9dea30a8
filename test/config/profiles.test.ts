import {mkdtemp, readFile, readdir, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import YAML from 'yaml';
import {oagPaths, profilesFile, type OagPaths} from '../../source/config/paths.js';
import {PROFILE_NAME_RULE} from '../../source/config/profileName.js';
import {loadProfiles, MAX_PROFILES_BYTES, pickProfile, profileNamed, ProfilesFileError, saveProfiles, updateProfiles} from '../../source/config/profiles.js';
import {writePrivateFile} from '../../source/config/secureFiles.js';

let dir: string;
let paths: OagPaths;

beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'oag-config-test-'));
	paths = oagPaths({OAG_CONFIG_DIR: path.join(dir, 'config')});
});
afterEach(async () => rm(dir, {recursive: true, force: true}));

const mode = async (file: string): Promise<number> => (await stat(file)).mode & 0o777;

describe('paths', () => {
	it('OAG_CONFIG_DIR puts config, state and keys under one directory', () => {
		expect(oagPaths({OAG_CONFIG_DIR: '/x'})).toEqual({config: '/x', state: '/x/state', keys: '/x/keys'});
	});

	it('honours XDG_CONFIG_HOME and XDG_STATE_HOME', () => {
		const saved = {config: process.env.XDG_CONFIG_HOME, state: process.env.XDG_STATE_HOME, data: process.env.XDG_DATA_HOME};
		process.env.XDG_CONFIG_HOME = '/xdg/config';
		process.env.XDG_STATE_HOME = '/xdg/state';
		process.env.XDG_DATA_HOME = '/xdg/data';
		try {
			if (process.platform !== 'linux') return;
			expect(oagPaths({})).toEqual({config: '/xdg/config/oag-offline', state: '/xdg/state/oag-offline', keys: '/xdg/data/oag-offline/keys'});
		} finally {
			for (const [key, value] of [['XDG_CONFIG_HOME', saved.config], ['XDG_STATE_HOME', saved.state], ['XDG_DATA_HOME', saved.data]] as const) {
				if (value === undefined) delete process.env[key];
				else process.env[key] = value;
			}
		}
	});
});

describe('profiles file', () => {
	it('is empty when absent', async () => {
		expect(await loadProfiles(paths)).toEqual({profiles: {}});
	});

	it('round-trips, 0600 in a 0700 directory, and leaves no temp files', async () => {
		await saveProfiles(
			{current: 'gw1', profiles: {gw1: {host: 'gw1.example.com', clientId: 'c1', keyBackend: 'keychain', scopes: ['okta.oag.idp.read'], authMode: 'direct-bearer'}}},
			paths,
		);
		const loaded = await loadProfiles(paths);
		expect(pickProfile(loaded)?.profile).toMatchObject({host: 'gw1.example.com', authMode: 'direct-bearer'});
		expect(await mode(profilesFile(paths))).toBe(0o600);
		expect(await mode(paths.config)).toBe(0o700);
		expect(await readdir(paths.config)).toEqual(['profiles.yaml']);
	});

	it('tightens an existing directory that is too open', async () => {
		await writePrivateFile(path.join(paths.config, 'x'), 'y');
		const {chmod} = await import('node:fs/promises');
		await chmod(paths.config, 0o755);
		await saveProfiles({profiles: {}}, paths);
		expect(await mode(paths.config)).toBe(0o700);
	});

	it('updateProfiles is read-modify-write', async () => {
		await updateProfiles((data) => void (data.profiles.a = {host: 'h', clientId: 'c', keyBackend: 'none'}), paths);
		await updateProfiles((data) => void (data.current = 'a'), paths);
		expect(await loadProfiles(paths)).toMatchObject({current: 'a', profiles: {a: {host: 'h'}}});
	});

	it('names the file and the field of an invalid profile', async () => {
		await writePrivateFile(profilesFile(paths), 'profiles:\n  a:\n    host: h\n    clientId: c\n    keyBackend: floppy\n');
		await expect(loadProfiles(paths)).rejects.toThrow(/profiles\.yaml: profiles\.a\.keyBackend/);
		await writeFile(profilesFile(paths), 'profiles: [unclosed');
		await expect(loadProfiles(paths)).rejects.toBeInstanceOf(ProfilesFileError);
	});

	it('refuses a hand-edited profile name that is not a safe file name, and names it', async () => {
		for (const bad of ['../../evil', 'a/b', '.hidden', 'x'.repeat(65), '', 'constructor', '__proto__', 'hasOwnProperty']) {
			await writePrivateFile(profilesFile(paths), YAML.stringify({current: 'ok', profiles: {ok: {host: 'h', clientId: 'c', keyBackend: 'none'}, [bad]: {host: 'h', clientId: 'c', keyBackend: 'plaintext'}}}));
			const error = await loadProfiles(paths).then(
				() => undefined,
				(caught: unknown) => caught as Error,
			);
			expect(error, bad).toBeInstanceOf(ProfilesFileError);
			expect(error?.message).toBe(
				`${profilesFile(paths)}: bad profile name ${JSON.stringify(bad)}: ${PROFILE_NAME_RULE}; rename it in the file`,
			);
		}
		await expect(saveProfiles({profiles: {'../x': {host: 'h', clientId: 'c', keyBackend: 'none'}}}, paths)).rejects.toThrow();
		await writePrivateFile(profilesFile(paths), YAML.stringify({profiles: {'gw1.example.com-8443': {host: 'h', clientId: 'c', keyBackend: 'none'}, 'A_b-2': {host: 'h', clientId: 'c', keyBackend: 'none'}}}));
		expect(Object.keys((await loadProfiles(paths)).profiles)).toEqual(['gw1.example.com-8443', 'A_b-2']);
	});

	it('refuses a profiles file over the size limit, with its path', async () => {
		await writePrivateFile(profilesFile(paths), `# ${'x'.repeat(MAX_PROFILES_BYTES)}\n`);
		const error = await loadProfiles(paths).then(() => undefined, (caught: unknown) => caught as Error);
		expect(error).toBeInstanceOf(ProfilesFileError);
		expect(error?.message).toBe(
			`cannot read ${profilesFile(paths)}: it is ${MAX_PROFILES_BYTES + 3} bytes, over the limit of ${MAX_PROFILES_BYTES} (not a file this program wrote); fix or delete it`,
		);
	});

	it('looks profiles up as own properties: constructor and __proto__ do not exist', async () => {
		await saveProfiles({current: 'constructor', profiles: {a: {host: 'h', clientId: 'c', keyBackend: 'none'}}}, paths);
		const data = await loadProfiles(paths);
		for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
			expect(pickProfile(data, name), name).toBeUndefined();
			expect(profileNamed(data, name), name).toBeUndefined();
		}
		expect(pickProfile(data)).toBeUndefined(); // current names a profile that does not exist
		expect(pickProfile(data, 'a')?.profile.host).toBe('h');
	});

	it('says it holds no secret', async () => {
		await saveProfiles({profiles: {}}, paths);
		expect(await readFile(profilesFile(paths), 'utf8')).toMatch(/No secrets here/);
	});
});
