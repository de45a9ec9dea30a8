// How long a footer message stays: long enough to read, short enough that an old "Saved." is not taken
// for news minutes later. Errors stay a little longer; the next key clears a message too (useShellInput).

export type ShownMessage = {text: string; tone: 'ok' | 'error' | 'info'; at: number};

export const MESSAGE_MS = 8_000;
export const ERROR_MESSAGE_MS = 15_000;

export const messageLifetime = (message: Pick<ShownMessage, 'tone'>): number => (message.tone === 'error' ? ERROR_MESSAGE_MS : MESSAGE_MS);

export const messageVisible = (message: ShownMessage, now: number): boolean => now - message.at < messageLifetime(message);

/** The newest of the navigation's message and the store's toast. */
export function latestMessage(...messages: Array<ShownMessage | undefined>): ShownMessage | undefined {
	return messages.filter((m): m is ShownMessage => m !== undefined).sort((a, b) => b.at - a.at)[0];
}
