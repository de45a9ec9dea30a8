import {spawnSync} from 'node:child_process';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {generateTlsMaterial, type TlsMaterial} from '../../source/simulator/tls.js';
import {daemonAvailable, startDaemon} from './daemon.js';

// A real OpenLDAP slapd on a random loopback port, for the tests that bind for real
// (test-directory-connection, the local LDAP pre-flight). Debian package `slapd` (scripts/test-deps/ldap.txt).
// With `tls: true` it also listens on ldaps:// and offers StartTLS on ldap://, with a certificate from a
// fresh test CA (the simulator's generator: 127.0.0.1, ::1 and localhost) whose PEM it hands back.
// It is killed when the test process dies (daemon.ts). In CI a missing slapd is an error: those tests
// must run there, never skip.

export const SLAPD_BINARY = '/usr/sbin/slapd';
const SLAPADD_BINARY = '/usr/sbin/slapadd';
const SCHEMA_DIR = '/etc/ldap/schema';
const MODULE_DIR = '/usr/lib/ldap';

export type Slapd = {
	url: string;
	/** The read-only service account a gateway would bind with. */
	bindDn: string;
	bindPassword: string;
	suffix: string;
	adminDn: string;
	adminPassword: string;
	/** With `tls: true`: the ldaps:// URL and the test CA that signed the server certificate. */
	ldapsUrl?: string;
	caPem?: string;
	/** The users and groups the seed holds, for tests that count them. */
	seed: {users: readonly string[]; groups: readonly string[]};
	stop(): Promise<void>;
};

export type SlapdOptions = {tls?: boolean};

const SUFFIX = 'dc=example,dc=com';
const ADMIN_DN = `cn=admin,${SUFFIX}`;
const ADMIN_PASSWORD = 'admin-test-password';
const READER_DN = `cn=reader,${SUFFIX}`;
const READER_PASSWORD = 'reader-test-password';

/** True when slapd can be started here; false (with a reason) outside CI, an error inside CI. */
export const slapdAvailable = (): boolean =>
	daemonAvailable({binaries: [SLAPD_BINARY, SLAPADD_BINARY], tag: 'slapd', packageName: 'slapd', skipping: 'LDAP tests'});

const tlsConfig = (dir: string) => `
TLSCACertificateFile ${dir}/ca.pem
TLSCertificateFile ${dir}/server.pem
TLSCertificateKeyFile ${dir}/server.key
`;

const config = (dir: string, tls: boolean) => `${tls ? tlsConfig(dir) : ''}
include ${SCHEMA_DIR}/core.schema
include ${SCHEMA_DIR}/cosine.schema
include ${SCHEMA_DIR}/inetorgperson.schema
include ${SCHEMA_DIR}/nis.schema
modulepath ${MODULE_DIR}
moduleload back_mdb
pidfile ${dir}/slapd.pid
argsfile ${dir}/slapd.args
database mdb
maxsize 16777216
suffix "${SUFFIX}"
rootdn "${ADMIN_DN}"
rootpw ${ADMIN_PASSWORD}
directory ${dir}/data
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
`;

const person = (uid: string, name: string, password: string) => `dn: uid=${uid},ou=users,${SUFFIX}
objectClass: inetOrgPerson
uid: ${uid}
cn: ${name}
sn: ${name.split(' ').at(-1)}
mail: ${uid}@example.com
userPassword: ${password}
`;

const LDIF = `dn: ${SUFFIX}
objectClass: dcObject
objectClass: organization
o: Example
dc: example

dn: ou=users,${SUFFIX}
objectClass: organizationalUnit
ou: users

dn: ou=groups,${SUFFIX}
objectClass: organizationalUnit
ou: groups

dn: ${READER_DN}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: reader
userPassword: ${READER_PASSWORD}

${person('alice', 'Alice Example', 'alice-password')}
${person('bob', 'Bob Example', 'bob-password')}
${person('carol', 'Carol Example', 'carol-password')}
${person('dave', 'Dave Example', 'dave-password')}
${person('erin', 'Erin Example', 'erin-password')}
dn: cn=engineers,ou=groups,${SUFFIX}
objectClass: groupOfUniqueNames
cn: engineers
uniqueMember: uid=alice,ou=users,${SUFFIX}
uniqueMember: uid=carol,ou=users,${SUFFIX}
uniqueMember: uid=dave,ou=users,${SUFFIX}

dn: cn=payroll-admins,ou=groups,${SUFFIX}
objectClass: groupOfUniqueNames
cn: payroll-admins
uniqueMember: uid=bob,ou=users,${SUFFIX}
`;

const SEED = {users: ['alice', 'bob', 'carol', 'dave', 'erin'], groups: ['engineers', 'payroll-admins']} as const;

const urlOf = (port: number, scheme: 'ldap' | 'ldaps'): string => `${scheme}://127.0.0.1:${port}`;

async function writeTls(dir: string): Promise<TlsMaterial> {
	const material = await generateTlsMaterial();
	await writeFile(join(dir, 'ca.pem'), material.caPem);
	await writeFile(join(dir, 'server.pem'), material.certPem);
	await writeFile(join(dir, 'server.key'), material.keyPem, {mode: 0o600});
	return material;
}

export async function startSlapd(options: SlapdOptions = {}): Promise<Slapd> {
	const dir = await mkdtemp(join(tmpdir(), 'oag-slapd-'));
	await mkdir(join(dir, 'data'));
	const confFile = join(dir, 'slapd.conf');
	const tls = options.tls ? await writeTls(dir) : undefined;
	await writeFile(confFile, config(dir, tls !== undefined));
	await writeFile(join(dir, 'data.ldif'), LDIF);
	const load = spawnSync(SLAPADD_BINARY, ['-f', confFile, '-l', join(dir, 'data.ldif')], {encoding: 'utf8'});
	if (load.status !== 0) {
		await rm(dir, {recursive: true, force: true});
		throw new Error(`slapadd failed: ${load.stderr || load.error?.message}`);
	}
	// With TLS a second port for ldaps:// (StartTLS is offered on ldap://).
	const schemes = tls ? (['ldap', 'ldaps'] as const) : (['ldap'] as const);
	const {ports, stop} = await startDaemon({
		name: 'slapd',
		command: SLAPD_BINARY,
		// -d 0 keeps slapd in the foreground (so we own its pid) without debug output.
		args: ports => ['-f', confFile, '-h', ports.map((port, i) => `${urlOf(port, schemes[i] ?? 'ldap')}/`).join(' '), '-d', '0'],
		ports: schemes.length,
		dir,
		readyWithinMs: 15_000,
		pollMs: 50,
		stopGraceMs: 5000,
		logChars: 2000,
	});
	const [port, securePort] = ports;
	return {
		url: urlOf(port!, 'ldap'),
		bindDn: READER_DN,
		bindPassword: READER_PASSWORD,
		suffix: SUFFIX,
		adminDn: ADMIN_DN,
		adminPassword: ADMIN_PASSWORD,
		...(securePort !== undefined && tls ? {ldapsUrl: urlOf(securePort, 'ldaps'), caPem: tls.caPem} : {}),
		seed: SEED,
		stop,
	};
}
