import { DomainException, ErrorCode } from '@eiso/common';
import { Request, Response } from 'express';
import { clientErrorOf, translateClientErrors } from './client-errors';

/** body-parser's error for a JSON body that does not parse: a SyntaxError with http-errors fields. */
function parseFailure(): SyntaxError {
  return Object.assign(new SyntaxError('Unexpected token p in JSON'), {
    status: 400,
    expose: true,
    type: 'entity.parse.failed',
    body: '{"password": "bí mật", p}',
  });
}

describe('client errors of express and its body parsers', () => {
  it('turns a body that does not parse into REQUEST_BODY_MALFORMED before Nest makes it a bare 400', () => {
    const next = jest.fn();
    translateClientErrors(parseFailure(), {} as Request, {} as Response, next);
    const passed = next.mock.calls[0][0] as DomainException;
    expect(passed).toBeInstanceOf(DomainException);
    expect(passed.code).toBe(ErrorCode.RequestBodyMalformed);
    expect(passed.details).toEqual({ type: 'entity.parse.failed' });
  });

  it('passes on what is not a client error, and domain errors as they are', () => {
    const next = jest.fn();
    const boom = new Error('boom');
    translateClientErrors(boom, {} as Request, {} as Response, next);
    expect(next).toHaveBeenCalledWith(boom);
    expect(clientErrorOf(new DomainException(ErrorCode.NotFound))).toBeNull();
    expect(clientErrorOf(Object.assign(new Error('x'), { status: 404, expose: false }))).toBeNull();
    expect(clientErrorOf('text')).toBeNull();
  });
});
