import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ptBR } from '../i18n/pt-BR';
import openApi from '../../../docs/openapi.json';
import { errorFromResponse, localErrorCodes, type ErrorCode } from './errors';
import type { ProblemCode } from './types';

// The service's one registry of problem codes, as its OpenAPI document lists them (generated/openapi.ts is
// generated from the same document, and `npm run build` fails when it is stale).
const serverCodes: string[] = openApi.components.schemas.ProblemDetails.properties.code.enum;

/** `error.*` keys that are not codes: Office's own failure and the heading of every error. */
const notCodes = ['office', 'title'];
const errorKeys = (catalog: Record<string, unknown>) =>
  Object.keys(catalog)
    .filter((key) => key.startsWith('error.'))
    .map((key) => key.slice('error.'.length));

describe('problem codes: the service and the pane agree', () => {
  it('the document lists the codes, the generated ProblemCode type is made of them', () => {
    expect(serverCodes.length).toBeGreaterThan(30);
    // Compile-time: a code the service never sends is no ProblemCode, so no ErrorCode (see ApiError.code).
    const sample: ProblemCode = 'server-error';
    const local: ErrorCode = 'network';
    expect(serverCodes).toContain(sample);
    expect(serverCodes).not.toContain(local);
  });

  it.each([
    ['en', en],
    ['pt-BR', ptBR],
  ] as const)('every code the service can send has a message in %s', (_, catalog) => {
    const missing = serverCodes.filter((code) => !(`error.${code}` in catalog));
    expect(missing).toEqual([]);
  });

  it('the pane has a message for no code the service never sends', () => {
    const known = new Set<string>([...serverCodes, ...localErrorCodes, ...notCodes]);
    expect(errorKeys(en).filter((code) => !known.has(code))).toEqual([]);
    expect(localErrorCodes.filter((code) => serverCodes.includes(code))).toEqual([]);
  });

  it('a response without a code gets one the service sends or one of the pane’s own', async () => {
    const known = new Set<string>([...serverCodes, ...localErrorCodes]);
    for (const status of [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 428, 429, 500, 502, 503]) {
      const error = await errorFromResponse(new Response(null, { status }));
      expect([status, known.has(error.code)]).toEqual([status, true]);
    }
  });
});
