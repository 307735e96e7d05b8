// A fast scripted IAM for the benchmark: ListUsers over USERS generated users and
// ListVirtualMFADevices over DEVICES generated devices (every other one assigned to a user),
// paginated like real IAM (Marker / MaxItems / IsTruncated, 100 per page by default), with
// real-IAM-shaped XML and whole-second timestamps. moto would be the bottleneck (it spends
// ~10 ms per page and lists the devices' seeds and QR codes, which real IAM never does), so
// the times measured here are the clients' own.
//
//   node bench/fast-iam-server.mjs PORT USERS DEVICES      prints "ready http://127.0.0.1:PORT"
import { createServer } from 'node:http';

const [port, userCount, deviceCount] = process.argv.slice(2).map(Number);

const stamp = (i) => new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const userName = (i) => `user-${String(i).padStart(6, '0')}`;

function userFields(i) {
  const name = userName(i);
  return (
    `<Path>/</Path><UserName>${name}</UserName><UserId>AIDA${String(i).padStart(17, '0')}</UserId>` +
    `<Arn>arn:aws:iam::123456789012:user/${name}</Arn><CreateDate>${stamp(i)}</CreateDate>`
  );
}

const user = (i) => `<member>${userFields(i)}</member>`;

function device(i) {
  const serial = `<SerialNumber>arn:aws:iam::123456789012:mfa/device-${String(i).padStart(5, '0')}</SerialNumber>`;
  if (i % 2 === 1) return `<member>${serial}</member>`;
  return `<member>${serial}<User>${userFields(i)}</User><EnableDate>${stamp(i + 7)}</EnableDate></member>`;
}

const LISTS = {
  ListUsers: { count: userCount, item: user, key: 'Users' },
  ListVirtualMFADevices: { count: deviceCount, item: device, key: 'VirtualMFADevices' },
};

/**
 * Sends a response in ONE write: status line, headers (with Content-Length, so no chunked
 * framing) and body together. Separate small header and body writes meet the client's delayed
 * ACK (Nagle on this side waits for the ACK of the first segment) and add ~40 ms per request on
 * loopback, which would swamp what the benchmark measures.
 */
function reply(res, status, body) {
  // A string body (not a Buffer) is what makes node:http join it to the header in one write.
  res.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const params = new URLSearchParams(body);
    const action = params.get('Action');
    const list = LISTS[action];
    if (!list) {
      reply(res, 400, '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>not served by the benchmark server</Message></Error></ErrorResponse>');
      return;
    }
    const start = Number(params.get('Marker') ?? 0);
    const max = Number(params.get('MaxItems') ?? 100);
    const end = Math.min(list.count, start + max);
    const members = [];
    for (let i = start; i < end; i++) members.push(list.item(i));
    const truncated = end < list.count;
    const xml =
      `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>` +
      `<IsTruncated>${truncated}</IsTruncated>${truncated ? `<Marker>${end}</Marker>` : ''}` +
      `<${list.key}>${members.join('')}</${list.key}></${action}Result>` +
      `<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></${action}Response>`;
    reply(res, 200, xml);
  });
}).listen(port, '127.0.0.1', () => console.log(`ready http://127.0.0.1:${port}`));
