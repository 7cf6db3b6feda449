/** An HTTP answer with Gauzy's exact status and body; thrown anywhere, rendered by the error handler. */
export class GauzyHttpError extends Error {
  constructor(readonly status: number, readonly body: unknown, readonly headers: Record<string, string> = {}) {
    super(typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
  }
}

// Guard failures are plain Nest exceptions (with `error` for 403).
export const unauthorized = () => new GauzyHttpError(401, { statusCode: 401, message: 'Unauthorized' });
export const forbiddenResource = () => new GauzyHttpError(403, { statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' });

// BadRequestException keeps `error`; other handler exceptions are rewrapped by TransformInterceptor to {statusCode,message}.
export const badRequest = (messages: string[]) => new GauzyHttpError(400, { statusCode: 400, message: messages, error: 'Bad Request' });
/** A service's `new BadRequestException('…')`: one message as a string, not a list. */
export const badRequestMessage = (message: string) => new GauzyHttpError(400, { statusCode: 400, message, error: 'Bad Request' });
export const handlerError = (status: number, message: string) => new GauzyHttpError(status, { statusCode: status, message });
export const recordNotFound = () => handlerError(404, 'The requested record was not found');
export const invalidUuid = () => handlerError(406, 'Validation failed (valid uuid is expected)');

export const routeNotFound = (method: string, url: string) =>
  new GauzyHttpError(404, { message: `Cannot ${method} ${url}`, error: 'Not Found', statusCode: 404 });
