/**
 * Turns whatever a route throws into the API's one error shape: schema violations and bad values
 * into 400s that name the input and say what is allowed, ApiErrors into their status, a database
 * that cannot be read into 503, anything else into a 500 that is logged (never its stack to the client).
 */
import { StoreError } from '@loopsweep/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../api/types.js';
import { ApiError } from './api-error.js';

interface AjvIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}

const CONTEXT_NAMES: Readonly<Record<string, string>> = { querystring: 'query', params: 'path' };

/** The query keys a route accepts, for the hint of an "unknown query parameter" error. */
function allowedQueryKeys(request: FastifyRequest): string {
  const schema = request.routeOptions.schema?.querystring as { properties?: Record<string, unknown>; patternProperties?: Record<string, unknown> } | undefined;
  const keys = Object.keys(schema?.properties ?? {}).filter((key) => key !== 'token');
  if (schema?.patternProperties !== undefined) keys.push('param.<name>');
  return keys.length === 0 ? 'this route takes no query parameters (besides token)' : `this route takes: ${keys.join(', ')} (and token)`;
}

function describeIssue(context: string, issue: AjvIssue, request: FastifyRequest): ApiError {
  const where = CONTEXT_NAMES[context] ?? context;
  // `/state/0` (the first of a repeated key) reads better as `state`.
  const field = issue.instancePath
    .replace(/^\//, '')
    .replace(/\/\d+$/, '')
    .replace(/\//g, '.');
  const path = field === '' ? where : `${where}.${field}`;
  switch (issue.keyword) {
    case 'additionalProperties':
      return new ApiError('bad_request', `unknown ${where} parameter '${String(issue.params['additionalProperty'])}'`, allowedQueryKeys(request));
    case 'required':
      return new ApiError('bad_request', `${where}.${String(issue.params['missingProperty'])} is required`, allowedQueryKeys(request));
    case 'enum':
      return new ApiError('bad_request', `${path} ${issue.message ?? 'is not allowed'}`, `one of: ${(issue.params['allowedValues'] as unknown[]).join(', ')}`);
    default:
      return new ApiError('bad_request', `${path} ${issue.message ?? 'is invalid'}`);
  }
}

function toApiError(error: FastifyError, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error;
  const issues = error.validation as AjvIssue[] | undefined;
  if (issues !== undefined && issues[0] !== undefined) return describeIssue(error.validationContext ?? 'request', issues[0], request);
  // The read API checks values the schemas cannot (a bad parameter value): the client's mistake.
  if (error instanceof RangeError) return new ApiError('bad_request', error.message);
  if (error instanceof StoreError) return new ApiError('unavailable', error.message, 'the database could not be read; check the file and try again');
  const status = error.statusCode ?? 500;
  if (status === 404) return new ApiError('not_found', error.message);
  if (status >= 400 && status < 500) return new ApiError('bad_request', error.message);
  return new ApiError('internal', 'internal error; the server log has the details');
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const apiError = toApiError(error, request);
  if (apiError.code === 'internal' || apiError.code === 'unavailable') request.log.error({ err: error }, 'request failed');
  const body: ApiErrorBody = apiError.body();
  return reply.status(apiError.status).type('application/json; charset=utf-8').send(body);
}
