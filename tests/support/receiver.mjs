// A real referral receiver for the browser tests: records every request and
// answers as told, across origins (so CORS is exercised for real).
//   referrals: http://127.0.0.1:8081/referrals   (the sample config's endpoint)
//   control:   http://127.0.0.1:8082/             (tests only)
//     POST /reset            forget everything, answer 201
//     POST /fail?status=500&times=2   answer that status the next N times
//     POST /hang?times=1     never answer the next N requests
//     POST /down, POST /up   stop or start listening for referrals
//     GET  /received         every request so far, as JSON
import { createServer } from 'node:http';

const referralPort = Number(process.argv[2] || 8081);
const controlPort = referralPort + 1;
let received = [];
let failures = [];
let hangs = 0;

function cors(req, res) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
  res.setHeader('Access-Control-Max-Age', '600');
  res.setHeader('Vary', 'Origin');
}

const referrals = createServer((req, res) => {
  cors(req, res);
  if (req.method === 'OPTIONS') return res.writeHead(204).end();
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const record = {
      method: req.method,
      path: req.url,
      contentType: req.headers['content-type'] || '',
      idempotencyKey: req.headers['idempotency-key'] || null,
      origin: req.headers.origin || null,
      body,
      status: null,
    };
    received.push(record);
    if (hangs > 0) {
      hangs -= 1;
      record.status = 'hung';
      return; // never answered: the widget's time limit must give up
    }
    const status = failures.length ? failures.shift() : 201;
    record.status = status;
    if (status === 429) res.setHeader('Retry-After', '1');
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: status < 300 }));
  });
});

let listening = false;
const up = () =>
  new Promise((resolve) => {
    if (listening) return resolve();
    referrals.listen(referralPort, '127.0.0.1', () => {
      listening = true;
      resolve();
    });
  });
const down = () =>
  new Promise((resolve) => {
    if (!listening) return resolve();
    referrals.closeAllConnections();
    referrals.close(() => {
      listening = false;
      resolve();
    });
  });

createServer(async (req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${controlPort}`);
  const times = Number(url.searchParams.get('times') || 1);
  switch (`${req.method} ${url.pathname}`) {
    case 'POST /reset':
      received = [];
      failures = [];
      hangs = 0;
      await up();
      break;
    case 'POST /fail':
      failures.push(...Array(times).fill(Number(url.searchParams.get('status') || 500)));
      break;
    case 'POST /hang':
      hangs += times;
      break;
    case 'POST /down':
      await down();
      break;
    case 'POST /up':
      await up();
      break;
    case 'GET /received':
      return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(received));
    case 'GET /':
      break;
    default:
      return res.writeHead(404).end();
  }
  res.writeHead(200).end('ok');
}).listen(controlPort, '127.0.0.1', () => up());
