import {InvalidArgumentError} from 'commander';
import {parseDuration} from '../audit/since.js';
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

/** One of fixed values, any case (`automatic` -> AUTOMATIC for `idps failover`); the error lists them. */
export const choice =
	<const T extends readonly string[]>(values: T, noun = 'value') =>
	(text: string): T[number] => {
		const found = values.find(value => value.toLowerCase() === text.trim().toLowerCase());
		if (found === undefined) throw new InvalidArgumentError(`unknown ${noun} ${JSON.stringify(text)} (one of: ${values.join(', ')})`);
		return found;
	};

/** `90s`, `15m`, `2h`, `7d`, `1w` -> milliseconds (for `--since DURATION`); the audit log's own reading. */
export const duration = (text: string): number => {
	const ms = parseDuration(text);
	if (ms === undefined) throw new InvalidArgumentError('expected a duration like 30m, 2h or 7d (units s, m, h, d, w)');
	return ms;
};
