// The exit codes of oag-offline: the one list in the code (README.md "Exit codes" has the same table).
// It lives in domain, the layer everyone may import: the commands, the api's error mapping and the TUI's
// signal handling all read their codes here, so a number never appears anywhere else.
//
//   0 ok           everything asked for was done or printed
//   1 failure      the gateway refused or failed, the network or TLS failed, a change was not confirmed or
//                  refused by read-only mode, a key store failed, anything unexpected
//   2 usage        the command line or local setup is wrong: unknown option or command, bad --host, missing
//                  connection details, a corrupt profiles.yaml, a file named on the command line that cannot
//                  be read, an unknown or ambiguous IdP/app, a dangerous change without a terminal or --yes
//   3 auth         the gateway did not accept who we are (unauthorized: wrong key, unknown client id) or
//                  what we asked (a missing scope)
//   4 partial      part of the result printed, part could not be read (status with unreadable parts or app
//                  states), or a bulk change with failures
//   130 interrupted Ctrl-C (SIGINT) at a prompt or in the TUI; 129 and 143 when the terminal hangs up or the
//                  process is terminated (128 + the signal number, as shells report them)

export const EXIT = {
	ok: 0,
	failure: 1,
	usage: 2,
	auth: 3,
	partial: 4,
	hangup: 129,
	interrupted: 130,
	terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The code a shell reports for a process ended by this signal. */
export function signalExitCode(signal: NodeJS.Signals): number {
	if (signal === 'SIGINT') return EXIT.interrupted;
	if (signal === 'SIGHUP') return EXIT.hangup;
	return EXIT.terminated;
}
