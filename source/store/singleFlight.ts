// One load per resource at a time, and a freshness age (design section 3 "Read"). Views call ensure() when
// they mount: a resource loaded a moment ago is not fetched again when the admin goes back and forth between
// screens. `r` calls load(): a forced refresh, which still joins a load already in flight, so `r r` costs one.

export type SingleFlight = {
	/** Load if never loaded or older than the freshness age; joins a load in flight. */
	ensure(): Promise<void>;
	/** Load now; joins a load in flight instead of starting a second one. */
	load(): Promise<void>;
	inFlight(): boolean;
};

export type SingleFlightOptions = {
	run: () => Promise<void>;
	/** When the data was last loaded successfully (undefined: never). */
	loadedAt: () => number | undefined;
	freshMs: number;
	now: () => number;
};

export function createSingleFlight(options: SingleFlightOptions): SingleFlight {
	let current: Promise<void> | undefined;
	const load = (): Promise<void> => {
		current ??= options.run().finally(() => {
			current = undefined;
		});
		return current;
	};
	return {
		ensure() {
			if (current) return current;
			const at = options.loadedAt();
			return at === undefined || options.now() - at >= options.freshMs ? load() : Promise.resolve();
		},
		load,
		inFlight: () => current !== undefined,
	};
}
