// One wording of what each health status means, for the TUI and the `status` text alike.
// The first five are the gateway's documented statuses; ERROR and DISABLED are ours (the check itself
// failed, or the service is not enabled, so there is nothing to check).

export const HEALTH_MEANING: Readonly<Record<string, string>> = {
	HEALTHY: 'normal operation',
	DEGRADED: 'issues, but still operational',
	UNHEALTHY: 'may be non-operational',
	INITIALIZING: 'starting up; status unknown until done',
	UNKNOWN: 'the gateway cannot determine the status',
	ERROR: 'the health check request failed',
	DISABLED: 'the authentication service is not enabled',
};

/** An own-property lookup: a status named like an Object.prototype member is still "unknown". */
export const healthMeaning = (status: string): string =>
	Object.hasOwn(HEALTH_MEANING, status) ? HEALTH_MEANING[status]! : 'a status this tool does not know';
