import {z} from 'zod';

// One line of the audit log: one attempt to change the gateway, whatever became of it.
// `time` comes first on purpose: the reader finds the start of a line by it after a torn write.

export const AUDIT_OUTCOMES = ['ok', 'failed', 'refused', 'invalid', 'not-confirmed', 'verify-mismatch'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AuditTarget = z.looseObject({kind: z.string(), id: z.string(), name: z.string().optional()});
export type AuditTarget = z.infer<typeof AuditTarget>;

export const AuditEntry = z.looseObject({
	time: z.string(),
	profile: z.string(),
	gateway: z.string(),
	user: z.string(),
	/** The operation id, e.g. `idps.failover`. */
	action: z.string(),
	target: AuditTarget,
	/** Where the change came from: the TUI or a command. */
	via: z.string().optional(),
	/** What the change was to set. */
	requested: z.unknown().optional(),
	before: z.unknown().optional(),
	after: z.unknown().optional(),
	outcome: z.enum(AUDIT_OUTCOMES),
	error: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What an append reports: never throws, so a full disk cannot hide the outcome of the change itself. */
export type AuditWrite = {written: true} | {written: false; warning: string};

export type AuditReadResult = {
	entries: AuditEntry[];
	/** Lines that could not be read (a torn last line after a crash, or a damaged line). */
	skipped: number;
	/** Where the log lives (shown on the :audit screen and by `audit`); undefined for a memory log. */
	location?: string;
};

/** Where audit lines go: the JSONL file in the state dir, or memory (demo mode, tests). */
export type AuditLog = {
	append(entry: AuditEntry, knownSecrets?: readonly string[]): Promise<AuditWrite>;
	read(): Promise<AuditReadResult>;
	location?: string;
};
