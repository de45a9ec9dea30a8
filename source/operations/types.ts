import type {AuditOutcome, AuditTarget} from '../audit/entry.js';

// A change to the gateway as data (design section 2): what it targets, how to read the value before,
// check it, send it, read it again, and (where it can be undone) the change that puts `before` back.
// `S` is the slice of gateway state the operation sets, e.g. `{mode: 'AUTOMATIC'}` for an IdP's failover.

export type OperationTarget = AuditTarget;

/** A typed confirmation: the admin types `expected` (a word that is not the key that started it). */
export type ConfirmationRequest = {expected: string; prompt: string};

/** Asks for the confirmation: the TUI's typed confirmation, or a prompt or `--yes` on the command line. */
export type ConfirmFn = (request: ConfirmationRequest) => Promise<boolean>;

/** What the call sends, for `--dry-run` and for people reading the code. Never holds a secret value. */
export type OperationRequest = {method: 'POST' | 'PUT' | 'DELETE' | 'PATCH'; path: string; body?: unknown};

export type Verified<S> = {after: S; mismatch?: string};

export type Operation<S> = {
	/** Stable id of the kind of change, e.g. `idps.failover`; the audit line's action. */
	id: string;
	/** For people: "failover of Corp Okta -> DISABLED". */
	label: string;
	target: OperationTarget;
	/** The value this operation sets; recorded as `requested`. */
	requested: S;
	request: OperationRequest;
	/** Dangerous changes declare the word the admin must type. */
	confirmation?: ConfirmationRequest;
	/** Values sent that are secret (a bind password): redacted from the audit line wherever they appear. */
	secrets?: readonly string[];
	readBefore(): Promise<S>;
	/** Problems that stop the change before anything is sent; none = go ahead. */
	validate?(before: S): string[];
	call(): Promise<unknown>;
	/** Re-read after writing and compare with `requested`. */
	verify(): Promise<Verified<S>>;
	/** The change that restores `before`; absent (or undefined for that `before`) when it cannot be undone. */
	inverse?(before: S): Operation<S> | undefined;
};

export type OutcomeStage = 'read-only' | 'confirm' | 'read-before' | 'validation' | 'call' | 'verify';

export type OperationOutcome<S> = {
	ok: boolean;
	outcome: AuditOutcome;
	/** Where a failed attempt stopped. */
	stage?: OutcomeStage;
	/** The gateway re-read the value and it matched. */
	verified: boolean;
	operationId: string;
	label: string;
	target: OperationTarget;
	requested: S;
	before?: S;
	after?: S;
	/** One line for a toast or stderr; it names an audit failure too. */
	message: string;
	error?: string;
	/** The gateway error's kind (e.g. `unauthorized`), for exit codes. */
	errorKind?: string;
	/** Field -> message, from the gateway's errorCauses. */
	fieldErrors: Record<string, string>;
	/** Set when the audit line could not be written: the change's outcome above still stands. */
	auditWarning?: string;
	/** The change that restores `before`, once something was sent. */
	undo?: Operation<S>;
};
