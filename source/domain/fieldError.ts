/** A problem with one input field, shown next to that field (client) or returned as an errorCause (simulator). */
export type FieldError = {field: string; message: string};

export const fieldError = (field: string, message: string): FieldError => ({field, message});
