import {createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions} from 'node:crypto';
import {z} from 'zod';
import {SecretStoreError} from './labels.js';

// AES-256-GCM with a random 96-bit IV per seal. The additional data binds a box to its profile and purpose,
// so an envelope file copied to another profile does not decrypt there.

const base64 = (maxLength: number) => z.string().max(maxLength).regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const SealedBox = z.object({
	alg: z.literal('A256GCM'),
	iv: base64(24),
	tag: base64(32),
	ciphertext: base64(64 * 1024),
});
export type SealedBox = z.infer<typeof SealedBox>;

export function seal(key: Uint8Array, plaintext: string, additionalData: string): SealedBox {
	if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(additionalData, 'utf8'));
	const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	return {
		alg: 'A256GCM',
		iv: iv.toString('base64'),
		tag: cipher.getAuthTag().toString('base64'),
		ciphertext: ciphertext.toString('base64'),
	};
}

/** Throws SecretStoreError('refused') when the key is wrong or the box was changed. */
export function open(key: Uint8Array, box: SealedBox, additionalData: string, refusal: string): string {
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
		decipher.setAAD(Buffer.from(additionalData, 'utf8'));
		decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
		return Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()]).toString('utf8');
	} catch {
		throw new SecretStoreError(refusal, 'refused');
	}
}

/**
 * Bounds for parameters read from a key file: a tampered file must answer "damaged", not make us allocate a
 * gigabyte or spin for minutes. Ours are N=2^15, r=8, p=1 (32 MiB); the bounds leave room for 4x that.
 */
export const SCRYPT_BOUNDS = {minN: 2 ** 15, maxN: 2 ** 18, maxR: 16, maxP: 4, maxMemoryBytes: 128 * 1024 * 1024};

export const ScryptParams = z
	.object({
		name: z.literal('scrypt'),
		N: z.number().int().min(SCRYPT_BOUNDS.minN).max(SCRYPT_BOUNDS.maxN).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
		r: z.number().int().min(1).max(SCRYPT_BOUNDS.maxR),
		p: z.number().int().min(1).max(SCRYPT_BOUNDS.maxP),
		salt: base64(128).min(16),
	})
	.refine((k) => 128 * k.N * k.r <= SCRYPT_BOUNDS.maxMemoryBytes, 'scrypt memory over the bound');
export type ScryptParams = z.infer<typeof ScryptParams>;

/** N=2^15, r=8: about 32 MiB and ~100 ms per derivation, the OWASP floor for scrypt. */
export function newScryptParams(): ScryptParams {
	return {name: 'scrypt', N: 2 ** 15, r: 8, p: 1, salt: randomBytes(16).toString('base64')};
}

/** `where` names the file the parameters came from: out-of-bounds parameters mean it is damaged. */
export function deriveKey(passphrase: string, params: ScryptParams, where = 'the key file'): Promise<Buffer> {
	const damaged = (): SecretStoreError => new SecretStoreError(`${where} is damaged (key derivation parameters out of bounds): run oag-offline login again`, 'invalid');
	if (!ScryptParams.safeParse(params).success) return Promise.reject(damaged());
	const options: ScryptOptions = {N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024};
	return new Promise((resolve, reject) => {
		try {
			scryptCallback(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, options, (error, key) => {
				if (error) reject(damaged());
				else resolve(key);
			});
		} catch {
			reject(damaged()); // node throws RangeError synchronously for parameters it cannot use
		}
	});
}
