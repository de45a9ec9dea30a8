// A small seeded PRNG (mulberry32) so seeds and fault decisions are reproducible; Math.random would make
// test failures impossible to replay.

export type Prng = {
	/** Uniform in [0, 1). */
	next(): number;
	/** Whole number in [0, maxExclusive). */
	int(maxExclusive: number): number;
	pick<T>(items: readonly T[]): T;
	chance(probability: number): boolean;
	/** A version-4-shaped UUID built from the sequence (data ids, not secrets). */
	uuid(): string;
};

export function createPrng(seed: number): Prng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
	// Eight hex digits per draw: seeding 5000 apps makes 5000 of these.
	const hex8 = (): string => Math.floor(next() * 4294967296).toString(16).padStart(8, '0');
	return {
		next,
		int,
		pick: items => {
			if (items.length === 0) throw new Error('pick from an empty list');
			return items[int(items.length)] as (typeof items)[number];
		},
		chance: probability => probability > 0 && next() < probability,
		uuid: () => {
			const [a, b, c, d] = [hex8(), hex8(), hex8(), hex8()];
			const variant = '89ab'[parseInt(c[0]!, 16) & 3];
			return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
		},
	};
}
