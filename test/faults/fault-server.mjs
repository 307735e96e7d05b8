/**
 * A scripted IAM on loopback for fault tests: it holds one ListUsers listing and answers each
 * request with the next step of its script (the last step repeats once the script runs out):
 *
 *   'page'              the page of the listing that starts at the request's Marker (an index)
 *   'throttle'          400 with an XML `Throttling` error
 *   'access-denied'     403 with an XML `AccessDenied` error
 *   'error-200'         200 whose body is an XML error document
 *   '500-xml' / '503-xml' / '500-html' / '503-html' / '500-json'   server errors, XML bodies or not
 *   'not-xml'           200 with a body that is not XML
 *   '403-latin1'        403 whose XML error is Latin-1, not UTF-8
 *   'limit-exceeded'    409 with IAM's `LimitExceeded` (botocore does not retry it)
 *   'empty-message' / 'no-message'   400 `NoSuchEntity` whose Message is empty / missing
 *   'no-code'           400 with an Error that has a Message but no Code
 *   'cut'               200 announcing a full page, sending half of it, then closing the socket
 *   'cut-reset'         the same, but the connection is reset (RST) after the half
 *   'cut-chunked'       200 in chunked encoding, half the page, then the socket closes (no last chunk)
 *   'cut-stall'         200 announcing a full page, sending half of it, then nothing more
 *   'reset'             closes the connection without answering (RST)
 *   'stall'             never answers (until the server closes)
 *   'same-marker'       a truncated page whose Marker is always the same
 *   'same-odd-marker'   the same, with quotes, a backslash, a tab and non-printable characters in it
 *
 * Every request is recorded (its form parameters), so tests can count the attempts each CLI made.
 * Run alone: `node fault-server.mjs PORT STEP[,STEP...]` prints "ready URL".
 */
import { createServer } from 'node:http';

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const REQUEST_ID = '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE';

/** User names of a listing of `count` users: user-01, user-02, … */
export const userNames = (count) => Array.from({ length: count }, (_, i) => `user-${String(i + 1).padStart(2, '0')}`);

const userXml = (name, index) =>
  '<member>' +
  `<Path>/</Path><UserName>${name}</UserName><UserId>AIDA${String(index).padStart(17, '0')}</UserId>` +
  `<Arn>arn:aws:iam::123456789012:user/${name}</Arn>` +
  `<CreateDate>2024-01-${String((index % 28) + 1).padStart(2, '0')}T10:00:00Z</CreateDate>` +
  '</member>';

function pageXml(names, start, size, marker) {
  const slice = names.slice(start, start + size);
  const truncated = marker !== undefined || start + size < names.length;
  const next = marker ?? String(start + size);
  return (
    `<ListUsersResponse xmlns="${NS}"><ListUsersResult>` +
    `<IsTruncated>${truncated}</IsTruncated>` +
    (truncated ? `<Marker>${next}</Marker>` : '') +
    `<Users>${slice.map((n, i) => userXml(n, start + i)).join('')}</Users>` +
    `</ListUsersResult><ResponseMetadata><RequestId>${REQUEST_ID}</RequestId></ResponseMetadata></ListUsersResponse>`
  );
}

const errorXml = (type, code, message) =>
  `<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error>` +
  `<RequestId>${REQUEST_ID}</RequestId></ErrorResponse>`;

const XML = { 'content-type': 'text/xml' };
const HTML = { 'content-type': 'text/html' };

const CANNED = {
  throttle: [400, XML, errorXml('Sender', 'Throttling', 'Rate exceeded')],
  'access-denied': [
    403,
    XML,
    errorXml('Sender', 'AccessDenied', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:ListUsers'),
  ],
  'error-200': [200, XML, errorXml('Sender', 'InternalFailure', 'An internal error occurred')],
  '500-xml': [500, XML, errorXml('Receiver', 'InternalFailure', 'We encountered an internal error. Please try again.')],
  '503-xml': [503, XML, errorXml('Receiver', 'ServiceUnavailable', 'Service is unavailable. Please try again.')],
  '500-html': [500, HTML, '<html><body><h1>500 Internal Server Error</h1></body></html>'],
  '503-html': [503, HTML, '<html><body>Service Unavailable</body></html>'],
  '500-json': [500, { 'content-type': 'application/json' }, '{"message": "internal error"}'],
  'limit-exceeded': [409, XML, errorXml('Sender', 'LimitExceeded', 'Cannot exceed quota for UsersPerAccount: 5000')],
  'empty-message': [400, XML, errorXml('Sender', 'NoSuchEntity', '')],
  'no-such-entity': [400, XML, errorXml('Sender', 'NoSuchEntity', 'The user with name x cannot be found.')],
  'no-message': [400, XML, `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>NoSuchEntity</Code></Error><RequestId>${REQUEST_ID}</RequestId></ErrorResponse>`],
  'no-code': [400, XML, `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Message>Something failed</Message></Error><RequestId>${REQUEST_ID}</RequestId></ErrorResponse>`],
  '403-latin1': [403, XML, Buffer.from(errorXml('Sender', 'AccessDenied', 'caf\u00e9'), 'latin1')],
  'not-xml': [200, { 'content-type': 'application/json' }, '{"Users": []}'],
};

/**
 * Starts the server. `steps`: the script; `users`: how many users the listing holds;
 * `pageSize`: users per page when the request has no MaxItems.
 */
export function startFaultServer({ steps, users = 10, pageSize = 3, port = 0 }) {
  const names = userNames(users);
  const requests = [];
  const stalled = new Set();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      requests.push(params);
      const step = steps[Math.min(requests.length - 1, steps.length - 1)];
      answer(step, params, req, res);
    });
  });

  function answer(step, params, req, res) {
    const start = Number(params.Marker ?? 0);
    const size = Number(params.MaxItems ?? pageSize);
    if (step === 'same-odd-marker') {
      res.writeHead(200, XML).end(pageXml(names, start, size, `a'b"\u00e9\u200b\\&#x85;\t&lt;`));
      return;
    }
    if (step === 'page' || step === 'same-marker' || step.startsWith('cut')) {
      const xml = pageXml(names, start, size, step === 'same-marker' ? 'SAME' : undefined);
      if (!step.startsWith('cut')) {
        res.writeHead(200, XML).end(xml);
        return;
      }
      res.writeHead(200, step === 'cut-chunked' ? XML : { ...XML, 'content-length': Buffer.byteLength(xml) });
      const half = xml.slice(0, Math.floor(xml.length / 2));
      if (step === 'cut-stall') {
        stalled.add(req.socket);
        res.write(half);
        return;
      }
      const end = step === 'cut-reset' ? () => req.socket.resetAndDestroy() : () => req.socket.destroy();
      res.write(half, () => setTimeout(end, 20));
      return;
    }
    if (step === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    if (step === 'stall') {
      stalled.add(req.socket);
      return;
    }
    const canned = CANNED[step];
    if (!canned) throw new Error(`unknown fault step: ${step}`);
    const [status, headers, text] = canned;
    res.writeHead(status, headers).end(text);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      resolve({
        url,
        requests,
        names,
        close: () =>
          new Promise((done) => {
            for (const socket of stalled) socket.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [port, script = 'page', users = '10'] = process.argv.slice(2);
  const server = await startFaultServer({ steps: script.split(','), users: Number(users), port: Number(port) });
  process.stdout.write(`ready ${server.url}\n`);
  const logged = { count: 0 };
  setInterval(() => {
    for (; logged.count < server.requests.length; logged.count++) {
      process.stdout.write(`request ${logged.count + 1} ${JSON.stringify(server.requests[logged.count])}\n`);
    }
  }, 50);
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
}
