// The local LDAP pre-flight's input and report. The report is data a screen or `--json` shows as is, so
// it never holds the bind credential: the input's credential is used for the bind and nothing else.

/** What the pre-flight needs of a directory: its connection and the config fields the gateway syncs by. */
export type LdapCheckTarget = {
	connectionUrl: string;
	bindDn: string;
	bindCredential: string;
	config: {
		usernameLDAPAttribute: string;
		uniqueIdAttribute: string;
		userSearchDn: string;
		userObjectFilter: string;
		groupNameLDAPAttribute: string;
		groupSearchDn: string;
		groupObjectClasses: readonly string[];
		memberAttribute: string;
	};
};

export type LdapCheckOptions = {
	/** PEM of the CA that signs the directory's certificate (the system's trust store otherwise). */
	caPem?: string;
	/** Upgrade an ldap:// connection with StartTLS before binding. */
	startTls?: boolean;
	/** Per step (DNS, connect, TLS, each LDAP operation); default 5000 ms. */
	timeoutMs?: number;
	/** Sample users and groups shown; default 3. */
	samples?: number;
	/** Counting stops here ("N or more"), so a pre-flight of a huge directory stays quick; default 10000. */
	maxCount?: number;
};

export type StepId = 'dns' | 'tcp' | 'tls' | 'bind' | 'users' | 'groups';
/** warn: it works, but something will bite (plain LDAP, a user without the username attribute). */
export type StepStatus = 'pass' | 'warn' | 'fail' | 'skip';

export type UserSample = {dn: string; username?: string; uniqueId?: string};
export type GroupSample = {dn: string; name?: string; memberCount: number; members: string[]};

export type CheckStep = {
	id: StepId;
	title: string;
	status: StepStatus;
	/** One line for a person: what was found, or why it failed and what to change. */
	reason: string;
	/** Wall time of the step in ms (0 for a skipped step). */
	ms: number;
	users?: {count: number; samples: UserSample[]};
	groups?: {count: number; samples: GroupSample[]};
};

export type LdapCheckReport = {
	/** No step failed (warnings allowed). */
	ok: boolean;
	steps: CheckStep[];
};

export const STEP_TITLES: Record<StepId, string> = {
	dns: 'DNS',
	tcp: 'TCP connect',
	tls: 'TLS',
	bind: 'Bind',
	users: 'User search',
	groups: 'Group search',
};
