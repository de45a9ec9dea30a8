import type {PolicyEra} from './gatewayVersion.js';
import {validateHealthPolicy, type HealthPolicyValues} from './healthPolicy.js';

// The readiness checklist of the dashboard: the guide's steps as lines that are done or say what is
// missing and which key goes there. Pure: it reads a snapshot and returns lines; the UI only renders them.

export type ReadinessSnapshot = {
	/** undefined: not known yet; false: not enabled. */
	authServiceEnabled: boolean | undefined;
	/** The latest health status, if any. */
	healthStatus: string | undefined;
	idps: ReadonlyArray<{
		id: string;
		name: string;
		failover?: string;
		directoryCount?: number;
		healthPolicy?: HealthPolicyValues;
	}>;
	apps: ReadonlyArray<{
		id: string;
		name: string;
		state?: string;
		groups?: readonly string[];
		accessPolicyId?: string | null;
	}>;
	policyEra?: PolicyEra;
};

export type ReadinessArea = 'auth' | 'health' | 'idp' | 'app';

export type ReadinessLine = {
	area: ReadinessArea;
	/** The step in the Okta guide this line follows. */
	step: number;
	/** What the line is about: "Authentication service", "IdP Okta Prod", "App payroll". */
	subject: string;
	done: boolean;
	/** Unknown while its data is still loading. */
	pending: boolean;
	/** What is done (when done) or what is missing (when not). */
	detail: string;
	/** The `:` command that goes to the screen where it is fixed. */
	goTo: string;
	/** For per-item lines: the IdP or app id. */
	id?: string;
};

const line = (l: Omit<ReadinessLine, 'pending'> & {pending?: boolean}): ReadinessLine => ({pending: false, ...l});

function authLines(s: ReadinessSnapshot): ReadinessLine[] {
	const subject = 'Authentication service';
	const enabled =
		s.authServiceEnabled === undefined
			? line({area: 'auth', step: 4, subject, done: false, pending: true, detail: 'loading…', goTo: ':auth'})
			: line({
					area: 'auth',
					step: 4,
					subject,
					done: s.authServiceEnabled,
					detail: s.authServiceEnabled ? 'enabled' : 'not enabled: enable it with a MySQL database and a certificate',
					goTo: ':auth',
				});
	const healthy = s.healthStatus === 'HEALTHY';
	const health = line({
		area: 'health',
		step: 5,
		subject: 'Authentication service health',
		done: healthy,
		pending: s.healthStatus === undefined && s.authServiceEnabled !== false,
		detail:
			s.healthStatus === undefined
				? s.authServiceEnabled === false ? 'no health check until the service is enabled' : 'checking…'
				: healthy ? 'HEALTHY' : `${s.healthStatus}: must be HEALTHY`,
		goTo: ':health',
	});
	return [enabled, health];
}

function idpProblems(idp: ReadinessSnapshot['idps'][number]): string[] {
	const problems: string[] = [];
	if (idp.failover !== 'AUTOMATIC') problems.push(`failover ${idp.failover ?? 'unknown'}: set AUTOMATIC`);
	if (idp.directoryCount === 0) problems.push('no directory: add an LDAP/AD directory');
	if (idp.healthPolicy) {
		const errors = validateHealthPolicy(idp.healthPolicy, 'client');
		if (errors.length > 0) problems.push(`health policy: ${errors.map(e => `${e.field} ${e.message}`).join(' ')}`);
	} else problems.push('health policy unknown');
	return problems;
}

function idpLines(s: ReadinessSnapshot): ReadinessLine[] {
	return s.idps.map(idp => {
		const pending = idp.failover === undefined && idp.directoryCount === undefined && idp.healthPolicy === undefined;
		const problems = idpProblems(idp);
		return line({
			area: 'idp',
			step: 6,
			subject: `IdP ${idp.name}`,
			id: idp.id,
			done: !pending && problems.length === 0,
			pending,
			detail: pending
				? 'loading…'
				: problems.length === 0
					? `AUTOMATIC, ${idp.directoryCount} director${idp.directoryCount === 1 ? 'y' : 'ies'}, valid health policy`
					: problems.join('; '),
			goTo: ':idps',
		});
	});
}

/** Which policy an app has: legacy groups, or an access policy, by era when it is known. */
export function appPolicySummary(app: Pick<ReadinessSnapshot['apps'][number], 'groups' | 'accessPolicyId'>, era?: PolicyEra): string | undefined {
	const groups = app.groups ?? [];
	const hasAccess = typeof app.accessPolicyId === 'string' && app.accessPolicyId !== '';
	if (era !== 'group-policy' && hasAccess) return `access policy ${app.accessPolicyId}`;
	if (era !== 'access-policy' && groups.length > 0) return `groups ${groups.join(', ')}`;
	// From the cutover an app without its own policy gets the IdP's default one (password only), which the
	// gateway creates when failover is set to AUTOMATIC (oag-api.md 4.10).
	if (era === 'access-policy') return 'IdP default access policy (password)';
	return undefined;
}

/** One app's line; exported so a view over thousands of apps can rebuild only the apps that changed. */
export function appReadinessLine(app: ReadinessSnapshot['apps'][number], era: PolicyEra | undefined): ReadinessLine {
	const pending = app.state === undefined;
	const policy = appPolicySummary(app, era);
	const problems: string[] = [];
	if (!policy) problems.push(era === 'group-policy' ? 'no group policy: assign groups' : 'no offline policy: assign one');
	if (app.state === 'INACTIVE') problems.push('INACTIVE: set TEST to try offline sign-in');
	return line({
		area: 'app',
		step: 9,
		subject: `App ${app.name}`,
		id: app.id,
		done: !pending && problems.length === 0,
		pending,
		detail: pending ? 'loading…' : problems.length === 0 ? `[${app.state}] ${policy}` : `[${app.state}] ${problems.join('; ')}`,
		goTo: ':apps',
	});
}

export function readinessChecklist(s: ReadinessSnapshot): ReadinessLine[] {
	return [...authLines(s), ...idpLines(s), ...s.apps.map(app => appReadinessLine(app, s.policyEra))];
}

/** Where a list the checklist is built from stands: until it is in, its lines are not there to count. */
export type ListState = 'loading' | 'ready' | 'failed';

export type SummaryOptions = {
	area?: ReadinessArea;
	/** The IdP and app lists: while one is not in, the checklist is incomplete and cannot be "done". */
	lists?: Partial<Record<'idps' | 'apps', ListState>>;
};

export type ReadinessSummary = {
	done: number;
	total: number;
	/** Lines whose own data is still loading. */
	pending: number;
	/** Lists not in yet (e.g. ['IdPs']): their lines are missing from the count. */
	waiting: string[];
	/** Lists that failed to load: the count is incomplete until a refresh succeeds. */
	failed: string[];
};

const LIST_NAMES = {idps: 'IdPs', apps: 'apps'} as const;

export function summarize(lines: readonly ReadinessLine[], options: SummaryOptions = {}): ReadinessSummary {
	const chosen = options.area ? lines.filter(l => l.area === options.area) : lines;
	const lists = Object.entries(options.lists ?? {}) as Array<['idps' | 'apps', ListState]>;
	const relevant = lists.filter(([name]) => !options.area || (name === 'idps' ? 'idp' : 'app') === options.area);
	return {
		done: chosen.filter(l => l.done).length,
		total: chosen.length,
		pending: chosen.filter(l => l.pending).length,
		waiting: relevant.filter(([, state]) => state === 'loading').map(([name]) => LIST_NAMES[name]),
		failed: relevant.filter(([, state]) => state === 'failed').map(([name]) => LIST_NAMES[name]),
	};
}

/** Whether the count is final: every list in and every line known. Only then may it say "N/M done". */
export const summaryComplete = (summary: ReadinessSummary): boolean =>
	summary.pending === 0 && summary.waiting.length === 0 && summary.failed.length === 0;

/**
 * The dashboard's readiness headline: "loading…" until its data is in (never "2/2 done" before the IdPs
 * and apps arrive), "N/M done" once it is, and which list failed when one did.
 */
export function readinessHeadline(summary: ReadinessSummary): string {
	if (summary.failed.length > 0) return `incomplete: ${summary.failed.join(' and ')} failed to load (r retries)`;
	if (summary.waiting.length > 0) return `loading ${summary.waiting.join(' and ')}…`;
	if (summary.pending > 0) return `loading… ${summary.total - summary.pending}/${summary.total} checked`;
	return `${summary.done}/${summary.total} done`;
}
