// What a pre-flight check from this machine reports (the MySQL check of the authentication service's
// database; the LDAP check can reuse it). Pure data: the TUI shows it, the commands print it as text or
// JSON. It never carries a secret: the password typed for the check is not part of any of these types.

export type PreflightStatus = 'pass' | 'warn' | 'fail' | 'skip';

export type PreflightStep = {
	/** Stable id for scripts: dns, tcp, handshake, tls, login, database, grants. */
	id: string;
	/** For people: "TCP connect to db.example.com:3306". */
	label: string;
	status: PreflightStatus;
	/** Why it passed or failed, in words an admin acts on ("wrong user name or password"). */
	reason: string;
	durationMs: number;
};

export type PreflightReport = {
	/** Always "this machine": the gateway's server nodes are what really connect, from their network. */
	from: 'this machine';
	target: string;
	steps: PreflightStep[];
	/** No step failed (warnings and skips after a pass do not fail the check). */
	ok: boolean;
	durationMs: number;
};

export const preflightOk = (steps: readonly PreflightStep[]): boolean => steps.every(step => step.status !== 'fail');

const MARK: Record<PreflightStatus, string> = {pass: '[PASS]', warn: '[WARN]', fail: '[FAIL]', skip: '[SKIP]'};

/** "[PASS] TCP connect to db:3306  12 ms  connected": state as text, so it reads without colour. */
export function preflightStepLine(step: PreflightStep): string {
	return `${MARK[step.status]} ${step.label}  ${Math.round(step.durationMs)} ms  ${step.reason}`;
}

export function preflightSummary(report: PreflightReport): string {
	const failed = report.steps.find(step => step.status === 'fail');
	return failed
		? `Pre-flight from this machine to ${report.target} failed at "${failed.label}": ${failed.reason}`
		: `Pre-flight from this machine to ${report.target} passed (the gateway's server nodes connect from their own network).`;
}
