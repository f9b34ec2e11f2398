import type { ProblemCode } from './types';

/** The problem details body the service sends (RFC 9457) plus its known extensions. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
  existingClientIds?: string[];
  currentPrimary?: string;
  existingFieldId?: string;
  /** An intake send or resend that failed after the intake was saved: the intake, now not sent. */
  intakeId?: string;
  [extension: string]: unknown;
}

/** Codes the pane produces itself, for failures that never reached the service. */
export const localErrorCodes = ['network', 'sign-in-failed', 'unexpected-response'] as const;
export type LocalErrorCode = (typeof localErrorCodes)[number];

/** A failure's code: one the service sends (its registry, through the generated types) or one of the pane's own. */
export type ErrorCode = ProblemCode | LocalErrorCode;

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly problem: Problem;

  constructor(status: number, code: ErrorCode, problem: Problem = {}) {
    super(problem.title ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
  }

  static network(): ApiError {
    return new ApiError(0, 'network');
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The intake a failed send left behind as not sent (sending it again is a resend, never a second send). */
export function notSentIntakeId(error: unknown): string | null {
  return isApiError(error) && typeof error.problem.intakeId === 'string' ? error.problem.intakeId : null;
}

const fallbackCodeFor = (status: number): ErrorCode => {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 412) return 'version-mismatch';
  if (status === 429) return 'too-many-requests';
  if (status === 503) return 'unavailable';
  if (status >= 500) return 'server-error';
  return 'unexpected-response';
};

/** Turns any non-success response into an ApiError, whether or not it carries problem+json. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (body && typeof body === 'object') problem = body as Problem;
    } catch {
      // A broken error body still yields an error with the status-based code.
    }
  }
  // A code this pane does not know yet (a newer service) still travels as is: errorMessageKey falls back by status.
  const code = typeof problem.code === 'string' && problem.code ? (problem.code as ErrorCode) : fallbackCodeFor(response.status);
  return new ApiError(response.status, code, problem);
}
