/**
 * Maps items with at most `limit` promises pending, so a gateway with thousands of apps does not get
 * thousands of requests queued at once (the client has its own cap; this keeps memory flat too).
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index]!, index);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

/** Like Promise.allSettled for one call: the value or undefined plus the error, never a rejection. */
export async function settle<T>(promise: Promise<T>): Promise<{value?: T; error?: unknown}> {
	try {
		return {value: await promise};
	} catch (error) {
		return {error};
	}
}
