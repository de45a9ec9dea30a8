import {z} from 'zod';
import {Id} from './common.js';

export const Certificate = z.looseObject({
	id: Id,
	commonName: z.string(),
	san: z.array(z.string()).default([]),
	selfSigned: z.boolean().optional(),
	validFrom: z.string().optional(),
	expiresOn: z.string().optional(),
	validityRemaining: z.number().optional(),
});
export type Certificate = z.infer<typeof Certificate>;
export const CertificateList = z.array(Certificate);
