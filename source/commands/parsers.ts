import {InvalidArgumentError} from 'commander';
import {parseGatewayVersion} from '../domain/gatewayVersion.js';

// Option parsers shared by the commands: commander reports their errors as usage errors (exit 2).

export const wholeNumber = (min: number, max: number) => (text: string): number => {
	const value = Number(text);
	if (!/^\d+$/.test(text) || value < min || value > max) {
		throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
	}
	return value;
};

export const gatewayVersion = (text: string): string => {
	if (!parseGatewayVersion(text)) throw new InvalidArgumentError('expected a version like 2026.09.1');
	return text;
};

/** The simulator's scenarios; `outage` makes the IdP outage begin after a while. */
export const scenario = (text: string): 'outage' => {
	if (text !== 'outage') throw new InvalidArgumentError(`unknown scenario ${text} (known: outage)`);
	return text;
};
