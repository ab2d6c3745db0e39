import { createServer } from 'node:http';

/** The floor of HTTP cost on this machine: a bare node:http server answering a constant. */
const body = JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', email: 'u0@bench.example', organization: 'bench' });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready') ?? console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
