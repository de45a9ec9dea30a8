// Ink decides once, when it is first imported, whether it runs "in CI" (the is-in-ci package reads CI and
// CONTINUOUS_INTEGRATION). In CI mode it draws only the last frame, on exit: in a real terminal that is a
// blank screen until you quit. An admin's shell can carry CI=true (a toolbox container, a CI runner's SSH
// session), and there the TUI must still draw. So, only when both stdin and stdout are terminals, those two
// variables are removed before Ink is imported; this module must not import Ink itself. The bundle loads
// Ink lazily (commands/tuiCommands.ts), which is what makes clearing them beforehand possible.

const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/** Clears the CI variables for a TTY session; returns which were cleared (empty when not a terminal). */
export function letInkDrawInTerminal(
	env: NodeJS.ProcessEnv = process.env,
	stdin: {isTTY?: boolean} = process.stdin,
	stdout: {isTTY?: boolean} = process.stdout,
): string[] {
	if (stdin.isTTY !== true || stdout.isTTY !== true) return [];
	const cleared = CI_VARIABLES.filter(name => env[name] !== undefined);
	for (const name of cleared) delete env[name];
	return cleared;
}
