import {gatewayHostProblem} from '../domain/gatewayHost.js';
import {CommandFailure, EXIT} from './run.js';

/**
 * The gateway host from --host, OAG_HOST or a profile, checked by the domain's one host rule before any
 * connection is tried: a malformed host is a usage error (exit 2), never a network failure later.
 */
export function checkedGatewayHost(host: string, source = '--host'): string {
	const problem = gatewayHostProblem(host);
	if (problem) {
		const shown = JSON.stringify(host.length > 80 ? `${host.slice(0, 80)}...` : host);
		throw new CommandFailure(`${source} ${shown} is not a gateway host: ${problem} Use host, host:port or https://host[:port].`, EXIT.usage);
	}
	return host;
}
