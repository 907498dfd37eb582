/** How the points services refuse an award, a redemption or a reversal: a domain error naming the field it is about. */
import { DomainError, type ErrorCode } from '../platform/errors.js';

export const refuse = (code: ErrorCode, field: string, detail: string) => new DomainError(code, detail, { fields: [{ pointer: field, detail }] });
