// Dependency-free static server for the demo: serves the repository root so
// www/ can import ../pkg/ and fetch ../tests/fixtures/.
//   usage: node scripts/serve.mjs [PORT]   (or PORT=…; 0 picks a free port)
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureIndex } from './fixtures-index.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const HOST = '127.0.0.1';
const PORT = Number(process.argv[2] ?? process.env.PORT ?? 8080);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }
  if (pathname === '/') {
    res.writeHead(302, { location: '/www/' });
    return res.end();
  }
  // Browsers ask for it on any page without an icon link (a JSON file
  // opened directly): no content rather than a 404 in the console.
  if (pathname === '/favicon.ico') {
    res.writeHead(204, { 'cache-control': 'no-store' });
    return res.end();
  }
  // Always fresh, so a new fixture shows up without a rebuild.
  if (pathname === '/www/fixtures.json') {
    return send(res, 200, JSON.stringify(fixtureIndex(ROOT)) + '\n', TYPES['.json']);
  }
  // resolve() collapses any '..'; the prefix check keeps us inside the repo.
  let file = resolve(join(ROOT, pathname));
  if (file !== ROOT && !file.startsWith(ROOT + sep)) return send(res, 403, 'forbidden\n');
  if (pathname.split('/').some((part) => part.startsWith('.') && part.length > 1)) {
    return send(res, 403, 'forbidden\n'); // .git, .ci and other dot-files
  }
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: pathname + '/' });
        return res.end();
      }
      file = join(file, 'index.html');
      info = await stat(file);
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  } catch {
    send(res, 404, 'not found\n');
  }
});

server.listen(PORT, HOST, () => {
  console.log(`http://${HOST}:${server.address().port}/www/`);
});
