// The deployment configs this project ships (deploy/nginx/waymark.conf,
// deploy/Caddyfile), made ready to run here exactly as a deployer would use
// them: the root and the port substituted, and the test receiver's origin
// added to connect-src in the copy of the headers file the build wrote for
// them (the shipped policy allows only https: endpoints). Nothing else of
// the shipped files is changed, so the tests prove them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const repository = root;
export const RECEIVER = 'http://127.0.0.1:8081';
export const PORTS = { nginx: 8120, caddy: 8121, 'github-pages': 8122 };
/** The copy of the build deploy/github-pages.sh readies for GitHub Pages (support/github-pages.mjs). */
export const PAGES_SITE = join(root, 'target/hosts/github-pages/site');

/** The shipped text with its root, listen address and connect-src made local; fails loudly if any is missing. */
function substituted(text, replacements) {
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`the shipped config no longer has ${JSON.stringify(from)}`);
    text = text.replaceAll(from, to);
  }
  return text;
}

const connect = ["connect-src 'self' https:", `connect-src 'self' https: ${RECEIVER}`];

/** The build's headers file for a host (`_headers.nginx`), copied into `dir` with the receiver allowed. */
function headersFor(dist, dir, name) {
  const copy = join(dir, name);
  writeFileSync(copy, substituted(readFileSync(join(dist, name), 'utf8'), [connect]));
  return copy;
}

/** Writes nginx's files under target/hosts/nginx and gives the command that runs it in the foreground. */
export function nginx(dist) {
  const dir = join(root, 'target/hosts/nginx');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const site = substituted(readFileSync(join(root, 'deploy/nginx/waymark.conf'), 'utf8'), [
    ['/srv/waymark/_headers.nginx', headersFor(dist, dir, '_headers.nginx')],
    ['root /srv/waymark;', `root ${dist};`],
    ['listen 8080;', `listen 127.0.0.1:${PORTS.nginx};`],
  ]);
  writeFileSync(join(dir, 'waymark.conf'), site);
  const asRoot = process.getuid?.() === 0 ? 'user root;\n' : '';
  // The brotli_static module, loaded as Debian's nginx.conf loads what
  // libnginx-mod-http-brotli-static puts in /etc/nginx/modules-enabled/.
  writeFileSync(join(dir, 'nginx.conf'), `load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
${asRoot}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/logs/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/waymark.conf;
}
`);
  return `nginx -p ${dir} -c ${dir}/nginx.conf -e ${dir}/logs/error.log`;
}

/** Writes Caddy's file under target/hosts/caddy and gives the command that runs it in the foreground. */
export function caddy(dist) {
  const dir = join(root, 'target/hosts/caddy');
  mkdirSync(dir, { recursive: true });
  const site = substituted(readFileSync(join(root, 'deploy/Caddyfile'), 'utf8'), [
    ['/srv/waymark/_headers.caddy', headersFor(dist, dir, '_headers.caddy')],
    ['root * /srv/waymark', `root * ${dist}`],
    [':8080 {', `http://127.0.0.1:${PORTS.caddy} {`],
  ]);
  // No admin endpoint, certificates or saved state on a test machine.
  writeFileSync(join(dir, 'Caddyfile'), `{\n\tadmin off\n\tauto_https off\n}\n\n${site}`);
  return `env XDG_DATA_HOME=${dir} XDG_CONFIG_HOME=${dir} caddy run --adapter caddyfile --config ${dir}/Caddyfile`;
}
