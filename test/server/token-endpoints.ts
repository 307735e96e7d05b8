/**
 * A scripted loopback stand-in for the three token services a browser sign-in leans on, which
 * moto does not have: SSO OIDC CreateToken (`POST /token`), the SSO portal's GetRoleCredentials
 * (`GET /federation/credentials`) and Sign-In's CreateOAuth2Token (`POST /v1/token`). Each
 * answer comes from a script the test sets (status and JSON body), every request is recorded
 * (method, path, query, headers, parsed body), and anything else is a 404, so a client that
 * calls the wrong thing fails loudly. One server serves both CLIs of a differential case.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface ScriptedAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export type Script = (request: RecordedRequest) => ScriptedAnswer;

export interface TokenEndpoints {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** What each route answers from now on. */
  script(routes: Partial<Record<Route, Script>>): void;
  close(): Promise<void>;
}

export type Route = 'createToken' | 'roleCredentials' | 'signinToken';

const ROUTES: Record<string, Route> = {
  'POST /token': 'createToken',
  'GET /federation/credentials': 'roleCredentials',
  'POST /v1/token': 'signinToken',
};

export const ok = (body: unknown): ScriptedAnswer => ({ status: 200, body });

/** An error answer as AWS JSON services send one (the type in a header and in the body). */
export const awsError = (status: number, type: string, fields: Record<string, unknown>): ScriptedAnswer => ({
  status,
  body: { __type: type, ...fields },
  headers: { 'x-amzn-errortype': type },
});

export async function startTokenEndpoints(): Promise<TokenEndpoints> {
  const requests: RecordedRequest[] = [];
  let routes: Partial<Record<Route, Script>> = {};
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Kept as text: the test sees what was sent.
      }
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      requests.push(request);
      const route = ROUTES[`${request.method} ${request.path}`];
      const script = route ? routes[route] : undefined;
      const answer = script ? script(request) : { status: 404, body: { message: `no script for ${request.method} ${request.path}` } };
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (next) => {
      routes = { ...routes, ...next };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
