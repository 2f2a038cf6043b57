import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionResult, GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin, YogaServerInstance } from 'graphql-yoga';
import type { Logger } from '../../logging/index.js';
import { createMaskError } from '../mask-error.js';
import { isPlainJsonPost } from './is-plain-json-post.js';
import { parseGraphqlParams } from './parse-graphql-params.js';
import { readRequestBody } from './read-request-body.js';
import { writeResponse } from './write-response.js';

type YogaPlugin = Plugin<Record<string, unknown>>;
type ResultProcessHook = NonNullable<YogaPlugin['onResultProcess']>;
type ResponseHook = NonNullable<YogaPlugin['onResponse']>;
type ResultProcessor = Parameters<Parameters<ResultProcessHook>[0]['setResultProcessor']>[0];
type Result = Parameters<ResultProcessor>[0];

export interface GraphqlRequestHandlerOptions {
  graphqlEndpoint: string;
  /** Where an error that escaped yoga's pipeline is logged (it reaches the client masked, as yoga's). */
  logger: Logger;
  /** false (GRAPHQL_FAST_PATH=off): every request goes through yoga's node adapter. */
  plainJsonPath?: boolean;
}

// Yoga's plugin list, its own plugins included (CORS, result processors): the hooks this path
// runs are read from it, so a plugin added later is run here too. `plugins` is protected in
// yoga's typings but is the list yoga itself runs.
function yogaPlugins(yoga: object): YogaPlugin[] {
  return ((yoga as unknown as { plugins: Array<YogaPlugin | undefined | false> }).plugins ?? []).filter((plugin): plugin is YogaPlugin =>
    Boolean(plugin),
  );
}

/**
 * The node request listener for GraphQL. A plain JSON POST (what every GraphQL client sends) runs
 * yoga's GraphQL pipeline directly: `getResultForParams` (the `onParams` hooks, envelop's parse,
 * validate, context and execute with every plugin, masking included, and `onExecutionResult`),
 * then the `onResultProcess` hooks with yoga's result processors and the `onResponse` hooks (CORS),
 * written in one `end` (write-response.ts). What it leaves out is what such a request
 * makes moot: yoga's node adapter (a streamed body, a URL pattern match), the request parsers
 * (replaced by one JSON read with yoga's parameter rules), CSRF (`application/json` is always
 * preflighted), the method and batching checks. Every other request, and every body that is not
 * exactly one well-formed operation, goes to yoga unchanged.
 */
export function createGraphqlRequestHandler<TUserContext extends object>(
  yoga: YogaServerInstance<Record<string, unknown>, TUserContext>,
  options: GraphqlRequestHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const plugins = yogaPlugins(yoga);
  const resultProcessHooks: ResultProcessHook[] = plugins.flatMap((p) => (p.onResultProcess ? [p.onResultProcess] : []));
  const responseHooks: ResponseHook[] = plugins.flatMap((p) => (p.onResponse ? [p.onResponse] : []));
  // Yoga's own result processors are among them; without them every answer would be a 406.
  if (options.plainJsonPath !== false && resultProcessHooks.length === 0)
    throw new Error("Cannot read graphql-yoga's plugin list: set GRAPHQL_FAST_PATH=off and report it.");
  const { fetchAPI } = yoga;
  const maskError = createMaskError(options.logger);
  // Background work a plugin hands over (nothing of the platform's does): never an unhandled rejection.
  const waitUntil = (promise: Promise<unknown>) => {
    promise.catch(() => undefined);
  };

  async function processResult(request: Request, result: Result, serverContext: object): Promise<Response> {
    let processor: ResultProcessor | undefined;
    let mediaType = '*/*';
    const acceptableMediaTypes: string[] = [];
    for (const hook of resultProcessHooks) {
      await hook({
        request,
        result,
        acceptableMediaTypes,
        setResult(next) {
          result = next;
        },
        resultProcessor: processor,
        setResultProcessor(next, nextMediaType) {
          processor = next;
          mediaType = nextMediaType;
        },
        serverContext: serverContext as never,
      });
    }
    if (!processor) {
      return new fetchAPI.Response(null, {
        status: 406,
        statusText: 'Not Acceptable',
        headers: { accept: acceptableMediaTypes.join('; charset=utf-8, ') },
      });
    }
    return processor(result, fetchAPI, mediaType);
  }

  async function respond(request: Request, response: Response, serverContext: object): Promise<Response> {
    for (const hook of responseHooks) {
      await hook({
        request,
        response,
        serverContext: serverContext as never,
        setResponse(next: Response) {
          response = next;
        },
        fetchAPI,
      } as Parameters<ResponseHook>[0]);
    }
    return response;
  }

  async function servePlainJson(req: IncomingMessage, res: ServerResponse, body: Buffer, params: GraphQLParams) {
    const request = new fetchAPI.Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, {
      method: 'POST',
      headers: req.headers as Record<string, string>,
      body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength),
      // No abort signal: nothing on this path reads one (only yoga's optional execution
      // cancellation and its body-size check would), and one per request costs.
    });
    // The same server context yoga's node adapter gives: resolvers read `req` (client address).
    const serverContext = { req, res, waitUntil };
    let result: Result;
    try {
      result = (await yoga.getResultForParams({ params, request }, serverContext)) as Result;
    } catch (error) {
      result = { errors: [maskError(error, 'Unexpected error.') as GraphQLError] } satisfies ExecutionResult;
    }
    const response = await respond(request, await processResult(request, result, serverContext), serverContext);
    await writeResponse(response, res, req);
  }

  return async function handleGraphqlRequest(req, res) {
    if (options.plainJsonPath === false || !isPlainJsonPost(req, options.graphqlEndpoint)) return yoga(req, res);
    let body: Buffer;
    try {
      body = await readRequestBody(req);
    } catch {
      return; // The client went away; nobody is left to answer.
    }
    const params = parseGraphqlParams(body);
    if (!params) {
      // Yoga's node adapter takes an already-read body from `req.body` and gives its own error.
      (req as IncomingMessage & { body?: Buffer }).body = body;
      return yoga(req, res);
    }
    try {
      await servePlainJson(req, res, body, params);
    } catch (error) {
      // A hook or the response write failed after the GraphQL result: masked (and logged by the
      // mask), never a crash of the process on an unhandled rejection, never a stack trace.
      const masked = maskError(error, 'Unexpected error.');
      if (res.headersSent) return void res.destroy();
      const text = JSON.stringify({ errors: [masked] });
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    }
  };
}
